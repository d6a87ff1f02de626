-- Each event is stored once per destination service and delivered to each independently.
alter table outbox_events add column destination varchar(40) default 'activity-service' not null;
alter table outbox_events drop constraint outbox_events_event_unique;
alter table outbox_events add constraint outbox_events_event_unique unique (event_id, destination);
drop index outbox_events_pending;
create index outbox_events_pending on outbox_events (destination, published_at, id);
