-- Shop-floor execution: what happened on every routing step of every order. Owned by the execution module.
-- Pieces are whole numbers (bigint); the database guards every total so no bug can make them inconsistent.

-- One row per routing step of an order that has seen any work. good = produced - scrap - rework_pending.
create table step_execution (
    order_id        bigint      not null references production_order (id),
    step_sequence   integer     not null,
    state           varchar(12) not null default 'NOT_STARTED'
                    check (state in ('NOT_STARTED', 'IN_PROGRESS', 'PAUSED', 'COMPLETED')),
    workcenter_code varchar(30),
    produced        bigint      not null default 0 check (produced >= 0),
    scrap           bigint      not null default 0 check (scrap >= 0),
    rework          bigint      not null default 0 check (rework >= 0),
    rework_returned bigint      not null default 0 check (rework_returned >= 0 and rework_returned <= rework),
    released        bigint      not null default 0 check (released >= 0),
    scans           bigint      not null default 0,
    last_scan_at    timestamptz,
    started_at      timestamptz,
    started_by      varchar(60),
    running_since   timestamptz,
    run_seconds     bigint      not null default 0 check (run_seconds >= 0),
    completed_at    timestamptz,
    completed_by    varchar(60),
    updated_at      timestamptz not null default now(),
    primary key (order_id, step_sequence),
    constraint step_execution_good_not_negative check (scrap + rework - rework_returned <= produced),
    constraint step_execution_release_within_good check (released <= produced - scrap - (rework - rework_returned)),
    constraint step_execution_running check ((state = 'IN_PROGRESS') = (running_since is not null))
);

-- Every state change of a step: who, when, where (the traceability timeline reads this).
create table step_transition (
    id              bigint generated always as identity primary key,
    order_id        bigint      not null,
    step_sequence   integer     not null,
    action          varchar(10) not null check (action in ('START', 'PAUSE', 'RESUME', 'COMPLETE')),
    from_state      varchar(12) not null,
    to_state        varchar(12) not null,
    workcenter_code varchar(30),
    operator        varchar(60) not null,
    recorded_by     varchar(60) not null,
    lot_code        varchar(60),
    quantity        bigint,
    reason          varchar(500),
    occurred_at     timestamptz not null,
    foreign key (order_id, step_sequence) references step_execution (order_id, step_sequence)
);
create index step_transition_order_idx on step_transition (order_id, step_sequence, id);

-- Counted pieces. count_key is the client's id of the increment (a machine's counter reading, a terminal's
-- UUID) or a generated one: a count sent twice is stored and added once.
create table piece_count (
    order_id        bigint      not null,
    step_sequence   integer     not null,
    count_key       varchar(100) not null,
    quantity        integer     not null check (quantity > 0),
    source          varchar(10) not null check (source in ('OPERATOR', 'MACHINE', 'REWORK')),
    workcenter_code varchar(30) not null,
    operator        varchar(60) not null,
    counted_at      timestamptz not null,
    recorded_at     timestamptz not null,
    primary key (order_id, step_sequence, count_key),
    foreign key (order_id, step_sequence) references step_execution (order_id, step_sequence)
);

-- Scrap (lost) and rework (recoverable) with their reason.
create table quality_record (
    id              bigint generated always as identity primary key,
    order_id        bigint       not null,
    step_sequence   integer      not null,
    disposition     varchar(10)  not null check (disposition in ('SCRAP', 'REWORK')),
    reason_code     varchar(30)  not null,
    quantity        integer      not null check (quantity > 0),
    lot_code        varchar(60),
    notes           varchar(500),
    workcenter_code varchar(30),
    operator        varchar(60)  not null,
    recorded_by     varchar(60)  not null,
    recorded_at     timestamptz  not null,
    foreign key (order_id, step_sequence) references step_execution (order_id, step_sequence)
);
create index quality_record_order_idx on quality_record (order_id, step_sequence);
create index quality_record_time_idx on quality_record (recorded_at);

-- Every scan, accepted or rejected (the audit keeps both). The scan row is also its own idempotency record:
-- (caller, idempotency_key) is unique while the key is kept; after the retention period the key, hash and stored
-- answer are cleared and the scan itself stays.
create table scan (
    id                uuid         primary key,
    caller            varchar(60)  not null,
    idempotency_key   varchar(100),
    request_hash      varchar(64),
    response_status   smallint,
    response_body     text,
    barcode           varchar(200) not null,
    barcode_kind      varchar(10),
    order_id          bigint,
    step_sequence     integer,
    lot_code          varchar(60),
    material_lot      varchar(60),
    workcenter_code   varchar(30)  not null,
    process_step_code varchar(30)  not null,
    operator          varchar(60)  not null,
    status            varchar(10)  not null check (status in ('ACCEPTED', 'REJECTED')),
    problem_type      varchar(40),
    problem_detail    varchar(500),
    client_at         timestamptz,
    received_at       timestamptz  not null
);
create unique index scan_idempotency_uk on scan (caller, idempotency_key) where idempotency_key is not null;
create index scan_order_idx on scan (order_id, received_at) where order_id is not null;
create index scan_received_idx on scan (received_at) where idempotency_key is not null;

-- Material on hand: raw material and component lots received, and the output of completed orders.
create table material_lot (
    lot_code           varchar(60)    primary key,
    item_id            bigint         not null references item (id),
    item_code          varchar(40)    not null,
    quantity_received  numeric(14, 4) not null check (quantity_received > 0),
    quantity_available numeric(14, 4) not null check (quantity_available >= 0),
    source             varchar(10)    not null check (source in ('RECEIVED', 'PRODUCED')),
    order_id           bigint,
    received_at        timestamptz    not null,
    received_by        varchar(60)    not null,
    constraint material_lot_available_le_received check (quantity_available <= quantity_received)
);
create index material_lot_item_idx on material_lot (item_id, received_at) where quantity_available > 0;

-- What an order consumed, lot by lot: the genealogy edges (lot -> order) traceability walks.
create table lot_consumption (
    id            bigint generated always as identity primary key,
    order_id      bigint         not null,
    step_sequence integer        not null,
    lot_code      varchar(60)    not null references material_lot (lot_code),
    item_code     varchar(40)    not null,
    quantity      numeric(14, 4) not null check (quantity > 0),
    consumed_at   timestamptz    not null
);
create index lot_consumption_order_idx on lot_consumption (order_id);
create index lot_consumption_lot_idx on lot_consumption (lot_code);

-- What did not add up when a step released its output: missing components (SHORTAGE), missing pieces
-- (DIVERGENCE), material consumed beyond what stock said was there (MATERIAL). For PCP to analyse.
create table execution_discrepancy (
    id            bigint generated always as identity primary key,
    order_id      bigint         not null,
    step_sequence integer        not null,
    kind          varchar(12)    not null check (kind in ('SHORTAGE', 'DIVERGENCE', 'MATERIAL')),
    quantity      numeric(14, 4) not null,
    details       varchar(1000)  not null,
    created_at    timestamptz    not null,
    constraint execution_discrepancy_once unique (order_id, step_sequence, kind)
);
create index execution_discrepancy_created_idx on execution_discrepancy (created_at);
