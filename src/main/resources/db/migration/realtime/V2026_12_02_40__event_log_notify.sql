-- Wakes the real-time relay (module realtime) when events commit: one NOTIFY per statement that writes to
-- event_log, delivered by PostgreSQL when (and only if) the transaction commits; identical notifications of one
-- transaction are folded into one. The relay also polls, so a lost notification only delays.
--
-- Cost: a transaction that notifies takes a cluster-wide lock from its commit until its commit record is flushed,
-- so commits of event-writing transactions are serialised (measured on our 2-core machines: roughly half the
-- transactions per second of the same insert without it; see ADR 0006). A plant whose event rate needs that back
-- can switch the notification off without a migration:
--   alter database <db> set mes.realtime_notify = off;   -- new sessions stop notifying
-- and shorten the relay's polling instead (MES_REALTIME_POLL_INTERVAL=100ms).
create function event_log_notify() returns trigger
    language plpgsql as
$$
begin
    if coalesce(current_setting('mes.realtime_notify', true), '') <> 'off' then
        perform pg_notify('plant_events', '');
    end if;
    return null;
end
$$;

create trigger event_log_notify
    after insert on event_log
    for each statement
execute function event_log_notify();
