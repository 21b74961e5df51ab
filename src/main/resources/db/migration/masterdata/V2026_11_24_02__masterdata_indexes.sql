-- Indexes for the references master data is searched by: "where used" of components (BOM cycle checks),
-- of process steps and workcenters (delete checks, routing reads), and workcenters by department (lists,
-- shift calendars).
create index bom_line_component_idx on bom_line (component_item_id);
create index routing_step_process_step_idx on routing_step (process_step_id);
create index routing_step_workcenter_idx on routing_step (workcenter_id);
create index reason_code_step_process_step_idx on reason_code_step (process_step_id);
create index workcenter_department_idx on workcenter (department);

-- A break lasts longer than nothing (where it lies inside its shift is checked by the application).
alter table shift_break add constraint shift_break_not_empty check (start_time <> end_time);
