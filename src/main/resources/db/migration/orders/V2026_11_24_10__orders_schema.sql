-- Production orders (OPs): what the ERP released, with the routing copied at import. Owned by the orders module.
-- Items, process steps and workcenters are referenced by id and code (codes are kept for history and search:
-- a later master-data edit never rewrites an existing OP).

create table production_order (
    id               bigint generated always as identity primary key,
    order_code       varchar(40)    not null,
    type             varchar(20)    not null check (type in ('PRODUCTION', 'REPLENISHMENT')),
    status           varchar(20)    not null check (status in ('OPEN_NOT_STARTED', 'IN_PROGRESS', 'OPEN_PARTIAL',
                                                               'CLOSED', 'CANCELLED')),
    item_id          bigint         not null references item (id),
    item_code        varchar(40)    not null,
    planned_quantity numeric(14, 4) not null check (planned_quantity > 0),
    due_at           timestamptz    not null,
    priority         integer        not null default 0,
    erp_fingerprint  varchar(64),
    erp_updated_at   timestamptz,
    started_at       timestamptz,
    closed_at        timestamptz,
    version          integer        not null default 0,
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now(),
    constraint production_order_code_uk unique (order_code)
);
create index production_order_search_idx on production_order (status, priority desc, due_at);
create index production_order_item_idx on production_order (item_id);

-- The barcodes that will be scanned for this OP. A lot code belongs to one OP only.
create table production_order_lot (
    production_order bigint      not null references production_order (id) on delete cascade,
    lot_code         varchar(60) not null,
    primary key (production_order, lot_code),
    constraint production_order_lot_code_uk unique (lot_code)
);

-- The routing snapshot: steps as they were when the OP was imported. sequence is the step id in the API.
create table production_order_step (
    production_order   bigint         not null references production_order (id) on delete cascade,
    sequence           integer        not null check (sequence > 0),
    process_step_id    bigint         not null references process_step (id),
    process_step_code  varchar(30)    not null,
    workcenter_id      bigint references workcenter (id),
    workcenter_code    varchar(30),
    workcenter_type    varchar(20)    not null,
    setup_minutes      numeric(8, 2)  not null check (setup_minutes >= 0),
    standard_seconds   numeric(10, 3) not null check (standard_seconds > 0),
    planned_quantity   numeric(14, 4) not null check (planned_quantity > 0),
    primary key (production_order, sequence)
);
create index production_order_step_workcenter_idx on production_order_step (workcenter_code);

-- Replenishment: an OP made by the MES to cover a loss on another OP.
create table replenishment_link (
    id                   bigint generated always as identity primary key,
    original_order_id    bigint         not null references production_order (id),
    replenishment_order_id bigint       not null references production_order (id),
    trigger_type         varchar(20)    not null check (trigger_type in ('SCRAP', 'DIVERGENCE', 'SHORTAGE')),
    quantity             numeric(14, 4) not null check (quantity > 0),
    step_sequence        integer,
    loss_key             varchar(100)   not null,
    created_at           timestamptz    not null default now(),
    constraint replenishment_link_replenishment_uk unique (replenishment_order_id),
    -- one replenishment per loss, whatever the retries or concurrency
    constraint replenishment_link_loss_uk unique (original_order_id, loss_key)
);
create index replenishment_link_original_idx on replenishment_link (original_order_id);

-- Changes the ERP sent for an OP that had already started: recorded for PCP, never applied blindly.
create table order_discrepancy (
    id              bigint generated always as identity primary key,
    order_id        bigint       not null references production_order (id),
    field           varchar(30)  not null,
    mes_value       varchar(100),
    erp_value       varchar(100),
    erp_fingerprint varchar(64)  not null,
    status          varchar(20)  not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
    created_at      timestamptz  not null default now(),
    resolved_at     timestamptz,
    resolved_by     varchar(60),
    resolution_note varchar(500),
    -- the same ERP change reported by several syncs is one discrepancy
    constraint order_discrepancy_change_uk unique (order_id, field, erp_fingerprint)
);
create index order_discrepancy_open_idx on order_discrepancy (status, created_at);
