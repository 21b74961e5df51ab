-- The plant's event log: every PlantEvent (OP_IMPORTED_FROM_ERP, BARCODE_SCANNED, STEP_STARTED, ...) is written
-- here in the same transaction as the state change it announces, then relayed to dashboards (WebSocket) and,
-- with several instances, through Redis. tx_id is the writing transaction's id: the relay reads events of
-- transactions older than the oldest one still running, so it never skips an event that commits late.
create table event_log (
    id              bigint generated always as identity primary key,
    event_id        uuid         not null,
    event_type      varchar(40)  not null,
    order_id        bigint,
    workcenter_code varchar(30),
    occurred_at     timestamptz  not null,
    payload         jsonb        not null,
    tx_id           xid8         not null default pg_current_xact_id(),
    constraint event_log_event_uk unique (event_id)
);
create index event_log_tx_idx on event_log (tx_id, id);
create index event_log_order_idx on event_log (order_id, id) where order_id is not null;

-- Where each relay has got to (the transaction horizon it has delivered up to).
create table event_relay_cursor (
    name       varchar(40) primary key,
    horizon    xid8        not null,
    updated_at timestamptz not null default now()
);
