/** The scheduler's public surface for the composition (`src/app/compose.ts`). */
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.ts';
export { shutdownScheduler } from './shutdown.ts';
export { syncConfigSubscriptions, type DeclaredSubscription, type SyncReport } from './config-sync.ts';
export { createSubscriptionService, type SubscriptionService, type Subscription, type SubscribeInput } from './subscription-service.ts';
export { dueDeliveries, type DueDelivery } from './due-deliveries.ts';
export { cronTrigger, type Trigger } from './cron-trigger.ts';
export type { AdminNotice, DeliveryOutcome, RetryPolicy } from './deliver-slot.ts';
export type { Publisher, Publishers, PostResult } from './publisher.ts';
export { splitTarget, targetParser, type Target, type TargetParser, type TargetSyntax } from './target.ts';
export { systemClock, realSleep, type Clock, type Sleep, type SchedulerLogger } from './ports.ts';
