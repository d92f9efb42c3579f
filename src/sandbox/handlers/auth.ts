// POST /auth: a business user signs in with login (email or phone) and password and gets their user token.
import type { User } from '../model';
import { ApiError } from './errors';
import type { Handler } from './handler';
import { bodyOf, phoneDigits } from './request';
import { respond } from './responses';

function userByLogin(users: User[], login: string): User | undefined {
  const text = login.trim().toLowerCase();
  const digits = phoneDigits(text);
  return users.find(
    (u) =>
      u.email.toLowerCase() === text ||
      (digits.length >= 9 && /^\+?[0-9 ()-]+$/.test(text) && phoneDigits(u.phone) === digits),
  );
}

export const authHandlers: Record<string, Handler> = {
  authorize_user(ctx) {
    const { login, password } = bodyOf(ctx) as { login: string; password: string };
    const user = userByLogin(ctx.store.list('users'), login);
    if (!user || user.password !== password) throw new ApiError(401, 'Incorrect login or password.');
    return respond(ctx, {
      id: user.id,
      user_token: user.user_token,
      name: user.name,
      phone: user.phone,
      login: user.email,
      email: user.email,
      avatar: user.avatar,
      is_approved: user.is_approved,
      is_email_confirmed: user.is_email_confirmed,
    });
  },
};
