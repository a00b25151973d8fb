const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** The plain login page, Vietnamese first, with the field ids of Keycloak's theme (username, password, kc-login). */
export function loginPage(o: {
  realmName: string;
  action: string;
  username?: string;
  error?: string;
  client?: string;
}): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — ${esc(o.realmName)}</title>
<style>
 body{margin:0;font-family:Roboto,'Segoe UI',Arial,sans-serif;background:#f3f6f9;color:#1c2530}
 header{background:#0b3d6b;color:#fff;padding:1rem 1.5rem}
 header h1{margin:0;font-size:1.1rem} header p{margin:.2rem 0 0;font-size:.85rem;opacity:.9}
 main{max-width:24rem;margin:8vh auto;background:#fff;border:1px solid #d5dde5;border-radius:8px;padding:1.5rem 1.75rem}
 h2{font-size:1.2rem;margin:0 0 1rem;color:#0b3d6b}
 label{display:block;font-weight:600;font-size:.9rem;margin:.9rem 0 .3rem}
 input{width:100%;box-sizing:border-box;padding:.65rem .7rem;font-size:1rem;border:1px solid #8a99a8;border-radius:4px}
 input:focus{outline:2px solid #0b3d6b;outline-offset:1px}
 button{margin-top:1.25rem;width:100%;padding:.75rem;font-size:1rem;background:#0b3d6b;color:#fff;border:0;border-radius:4px;cursor:pointer}
 .err{background:#fdecea;color:#8a1c12;border:1px solid #f5c2bd;padding:.6rem .75rem;border-radius:4px;font-size:.9rem}
 .note{font-size:.8rem;color:#4a5866;margin-top:1rem}
</style></head>
<body><header><h1>Điều Hành — ${esc(o.realmName)}</h1><p>Máy chủ đăng nhập dùng cho phát triển / Development login server</p></header>
<main><h2>Đăng nhập / Sign in</h2>
${o.error ? `<p class="err" role="alert" id="input-error">${esc(o.error)}</p>` : ''}
<form method="post" action="${esc(o.action)}" id="kc-form-login">
<label for="username">Tên đăng nhập / Username</label>
<input id="username" name="username" autocomplete="username" autofocus required value="${esc(o.username ?? '')}">
<label for="password">Mật khẩu / Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="kc-login" type="submit">Đăng nhập / Sign in</button>
</form>
${o.client ? `<p class="note">Ứng dụng / Application: ${esc(o.client)}</p>` : ''}
</main></body></html>`;
}

/** A short page with a heading and a message, in the login page's style. */
export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{margin:0;font-family:Roboto,'Segoe UI',Arial,sans-serif;background:#f3f6f9;color:#1c2530}
main{max-width:28rem;margin:10vh auto;background:#fff;border:1px solid #d5dde5;border-radius:8px;padding:1.5rem 1.75rem}
h1{font-size:1.2rem;margin:0 0 .75rem;color:#0b3d6b}</style></head>
<body><main><h1>${esc(title)}</h1><p>${esc(message)}</p></main></body></html>`;
}
