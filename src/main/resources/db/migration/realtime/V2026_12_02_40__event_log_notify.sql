-- Optionally wakes the real-time relay (module realtime) when events commit: one NOTIFY per statement that writes
-- to event_log, delivered by PostgreSQL when (and only if) the transaction commits.
--
-- Off unless asked for. A transaction that notifies takes a cluster-wide lock from its commit until its commit
-- record is flushed, so commits of event-writing transactions are serialised and lose group commit: measured on
-- our 2-core machines, the scan statement with notifications on reaches less than half its rate without them
-- (docs/benchmarks.md, ADR 0006). By default the relay polls instead (MES_REALTIME_POLL_INTERVAL, 50 ms), which
-- keeps a dashboard within ~100 ms of a commit at no cost to the hot path. A plant with a low event rate that wants
-- millisecond delivery can turn notifications on without a migration:
--   alter database <db> set mes.realtime_notify = on;   -- new sessions notify
-- and lengthen the polling (MES_REALTIME_POLL_INTERVAL=1s).
create function event_log_notify() returns trigger
    language plpgsql as
$$
begin
    if current_setting('mes.realtime_notify', true) = 'on' then
        perform pg_notify('plant_events', '');
    end if;
    return null;
end
$$;

create trigger event_log_notify
    after insert on event_log
    for each statement
execute function event_log_notify();
