import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorBody, errorStatus } from './http/errors.js';
import { compressJson } from './http/compression.js';
import { collisionOf } from './db/collisions.js';
import { isDatabaseUnreachable } from './db/database.js';
import type { AppEnv, Deps } from './http/env.js';
import { apiHeaders, limitBodySize, securityHeaders } from './http/security.js';
import { loadSession, requireCsrf } from './features/people/auth/session-middleware.js';
import { registerAccessLogRoutes } from './features/rights/access-log/access-log.routes.js';
import { registerAuthRoutes } from './features/people/auth/auth.routes.js';
import { registerHealthRoutes } from './features/people/health/health.routes.js';
import { registerInvitationRoutes } from './features/people/invitations/invitations.routes.js';
import { registerMemberRoutes } from './features/people/members/members.routes.js';
import { registerPasswordResetRoutes } from './features/people/password-reset/password-reset.routes.js';
import { registerScimTokenRoutes } from './features/people/scim/scim-tokens.routes.js';
import { registerScimRoutes } from './features/people/scim/scim.routes.js';
import { registerPairRoutes } from './features/people/pairs/pairs.routes.js';
import { registerPmRoutes } from './features/people/pms/pms.routes.js';
import { registerSetupRoutes } from './features/people/setup/setup.routes.js';
import { registerFrameworkRoutes } from './features/define-good/frameworks/frameworks.routes.js';
import { registerRoundRoutes } from './features/assess/rounds/rounds.routes.js';
import { registerWheelRoutes } from './features/assess/wheel/wheel.routes.js';
import { registerSelfCheckRoutes } from './features/assess/self-checks/self-checks.routes.js';
import { registerHomeRoutes } from './features/people/home/home.routes.js';
import { registerPeerRoutes } from './features/assess/peers/peers.routes.js';
import { registerDemoRoutes } from './features/people/demo/demo.routes.js';
import { registerVisionRoutes } from './features/plan/visions/visions.routes.js';
import { registerPlanRoutes } from './features/plan/plans/plans.routes.js';
import { registerPlanSuggestionRoutes } from './features/plan/plans/suggestions.routes.js';
import { registerPlanCommentRoutes } from './features/plan/plans/comments.routes.js';
import { registerCoachingSessionRoutes } from './features/cadence/coaching-sessions/coaching-sessions.routes.js';
import { registerCheckInRoutes } from './features/cadence/check-ins/check-ins.routes.js';
import { registerQuestionRoutes } from './features/define-good/questions/questions.routes.js';
import { registerTimelineRoutes } from './features/cadence/timeline/timeline.routes.js';
import { registerCalendarFeedRoutes } from './features/cadence/calendar-feed/calendar-feed.routes.js';
import { registerReflectionRoutes } from './features/cadence/reflections/reflections.routes.js';
import { registerRoundTraitRoutes } from './features/assess/rounds/round-traits.routes.js';
import { registerInsightsRoutes } from './features/people/insights/insights.routes.js';
import { registerNudgeRoutes } from './features/cadence/nudges/nudges.routes.js';
import { registerDeliveryRoutes } from './features/cadence/deliveries/deliveries.routes.js';
import { registerPushRoutes } from './features/cadence/deliveries/push.routes.js';
import { registerComingRoutes } from './features/cadence/reminders/coming.routes.js';
import { registerHistoryGrantRoutes } from './features/rights/history-grants/history-grants.routes.js';
import { registerExportRoutes } from './features/rights/export/export.routes.js';
import { registerErasureRoutes } from './features/rights/erasure/erasure.routes.js';
import { registerSingleSignOnRoutes } from './features/people/single-sign-on/single-sign-on.routes.js';
import { refuseNulCharacters, useFriendlyValidationMessages } from './http/validation.js';
import { serveWebApp } from './web.js';
import { loggedPath } from './http/logged-path.js';

useFriendlyValidationMessages();

/** Builds the whole HTTP app: edge middleware, every feature's routes, the OpenAPI document. */
export function createApp(deps: Deps, options: { webRoot?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', securityHeaders());
  app.use('/api/*', compressJson());
  app.use('/api/*', apiHeaders());
  app.use('/api/*', limitBodySize());
  app.use('/api/*', loadSession(deps));
  app.use('/api/*', requireCsrf(deps));

  registerHealthRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerPairRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerPmRoutes(app, deps);
  registerAccessLogRoutes(app, deps);
  registerFrameworkRoutes(app, deps);
  registerRoundRoutes(app, deps);
  registerWheelRoutes(app, deps);
  registerSelfCheckRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerPeerRoutes(app, deps);
  registerDemoRoutes(app, deps);
  registerVisionRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerPlanSuggestionRoutes(app, deps);
  registerPlanCommentRoutes(app, deps);
  registerCoachingSessionRoutes(app, deps);
  registerCheckInRoutes(app, deps);
  registerQuestionRoutes(app, deps);
  registerTimelineRoutes(app, deps);
  registerCalendarFeedRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
  registerPushRoutes(app, deps);
  registerComingRoutes(app, deps);
  registerReflectionRoutes(app, deps);
  registerRoundTraitRoutes(app, deps);
  registerInsightsRoutes(app, deps);
  registerNudgeRoutes(app, deps);
  registerHistoryGrantRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerErasureRoutes(app, deps);
  registerSingleSignOnRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
  registerScimTokenRoutes(app, deps);
  registerScimRoutes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Wheelhouse API',
      version: '0.1.0',
      description:
        'State-changing requests need the X-CSRF-Token header (from GET /api/session). ' +
        'Errors are {"error": {"code", "message"}}.',
    },
  });

  app.all('/api/*', () => {
    throw new AppError('not_found', 'There is no such API route.');
  });
  if (options.webRoot) serveWebApp(app, options.webRoot);

  app.onError((error, c) => {
    if (error instanceof AppError) {
      // Refusals stay out of the PM's access log (decision 006); operators see them here.
      if (error.status === 403 || error.status === 404) {
        deps.log.debug({ path: loggedPath(c.req.path), method: c.req.method, code: error.code }, 'refused');
      }
      if (error.extra.retryAfterSeconds) c.header('Retry-After', String(error.extra.retryAfterSeconds));
      return c.json(errorBody(error.code, error.message, error.extra.current), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals (malformed JSON, wrong content type) keep their status, in our shape.
      const message = /json/i.test(error.message)
        ? 'The request body is not valid JSON.'
        : 'The request could not be read.';
      return c.json(errorBody('bad_request', message), 400);
    }
    const collision = collisionOf(error);
    if (collision) {
      deps.log.info({ path: loggedPath(c.req.path), reason: error.message }, 'parallel requests collided');
      return c.json(errorBody(collision.code, collision.message), errorStatus[collision.code]);
    }
    if (isDatabaseUnreachable(error)) {
      deps.log.warn({ path: loggedPath(c.req.path), reason: error.message }, 'database unreachable');
      c.header('Retry-After', '5');
      return c.json(
        errorBody('unavailable', 'The database is not reachable right now. Try again in a moment.'),
        errorStatus.unavailable,
      );
    }
    deps.log.error({ err: error, path: loggedPath(c.req.path) }, 'unhandled error');
    return c.json(
      errorBody('internal', 'Something went wrong on our side. Please try again.'),
      errorStatus.internal,
    );
  });
  return app;
}

/** Turns a failed zod parse into 400 validation_failed with "field: reason" messages. */
const validationHook = (result: {
  success: boolean;
  data?: unknown;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => {
  if (result.success) return refuseNulCharacters(result.data);
  if (!result.error) return;
  const reasons = result.error.issues.map((i) =>
    i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message,
  );
  throw new AppError('validation_failed', reasons.join('; '));
};
