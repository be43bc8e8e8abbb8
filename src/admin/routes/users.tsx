/** Administrators manage accounts: roles and invitations. */
import type { FastifyInstance } from 'fastify';
import { ForbiddenError, policies } from '../../core/policies.js';
import { isStaffRole } from '../../core/staff.js';
import type { StaffUser } from '../../core/staff.js';
import { ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, sendAdminPage } from '../context.js';
import { UsersPage } from '../views/UsersPage.js';

export function registerUserRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { accounts, mailer, options } = deps;
  const admin = (user: StaffUser | undefined): StaffUser => {
    if (!user || !policies.manageUsers(user)) throw new ForbiddenError('manageUsers');
    return user;
  };

  app.get('/admin/users', async (req, reply) => {
    admin(req.staff?.user);
    return sendAdminPage(reply, <UsersPage ctx={adminContext(deps, req, reply)} users={await accounts.listUsers()} />);
  });

  app.post('/admin/users/invite', async (req, reply) => {
    const me = admin(req.staff?.user);
    const role = field(req.body, 'role');
    try {
      if (!isStaffRole(role)) throw new ValidationError(['role: choose a role']);
      const email = field(req.body, 'email');
      const token = await accounts.invite({ email, role, createdBy: me.id });
      await mailer.send({
        to: email.trim().toLowerCase(),
        subject: `${me.name} invited you to the ${options.siteName} newsroom`,
        text: `${me.name} invited you to join the ${options.siteName} newsroom.\n\nCreate your account within seven days:\n${options.origin}/admin/accept?token=${token}\n`,
      });
      return sendAdminPage(reply, <UsersPage ctx={adminContext(deps, req, reply)} users={await accounts.listUsers()} notice={`Invitation sent to ${email}.`} />);
    } catch (err) {
      if (err instanceof ValidationError) return sendAdminPage(reply, <UsersPage ctx={adminContext(deps, req, reply)} users={await accounts.listUsers()} errors={err.issues} />, 400);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/role', async (req, reply) => {
    const me = admin(req.staff?.user);
    const role = field(req.body, 'role');
    const id = Number(req.params.id);
    if (!isStaffRole(role)) return sendAdminPage(reply, <UsersPage ctx={adminContext(deps, req, reply)} users={await accounts.listUsers()} errors={['role: choose a role']} />, 400);
    // An administrator cannot demote themselves: the newsroom must never lose its last admin by accident.
    if (id === me.id && role !== 'admin') return sendAdminPage(reply, <UsersPage ctx={adminContext(deps, req, reply)} users={await accounts.listUsers()} errors={['You cannot change your own role.']} />, 400);
    await accounts.setRole(id, role);
    return reply.redirect('/admin/users', 303);
  });
}
