import { allNotificationsRead, notificationRead, NotificationEventType } from './notification.events';

describe('notification contracts: events', () => {
  it('addresses a read to the notification and "all read" to the unit', () => {
    expect(notificationRead('n1', { unitCode: '00070', by: 'hk' })).toEqual({
      type: 'notification.read',
      aggregateType: 'notification',
      aggregateId: 'n1',
      payload: { unitCode: '00070', by: 'hk' },
    });
    expect(allNotificationsRead('00070', { unitCode: '00070', by: 'hk', read: 3 })).toMatchObject({ type: NotificationEventType.AllRead, aggregateId: '00070' });
  });
});
