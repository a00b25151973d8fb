import { domainEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * The notification context's published events: that a unit's notifications were read (an audit fact,
 * and what a live counter in another tab or process reacts to).
 */
export const NotificationEventType = {
  Read: 'notification.read',
  AllRead: 'notification.all-read',
} as const;

export interface NotificationReadPayload {
  unitCode: string;
  /** Username of the reader. */
  by: string;
}

export interface AllNotificationsReadPayload {
  unitCode: string;
  by: string;
  /** How many were unread. */
  read: number;
}

export interface NotificationEventPayloads {
  [NotificationEventType.Read]: NotificationReadPayload;
  [NotificationEventType.AllRead]: AllNotificationsReadPayload;
}

export const notificationRead = (notificationId: string, payload: NotificationReadPayload) =>
  domainEvent(NotificationEventType.Read, 'notification', notificationId, payload);

export const allNotificationsRead = (unitCode: string, payload: AllNotificationsReadPayload) =>
  domainEvent(NotificationEventType.AllRead, 'notification', unitCode, payload);
