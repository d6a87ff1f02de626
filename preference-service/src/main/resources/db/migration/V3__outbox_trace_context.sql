-- The W3C trace context (traceparent) of the request that wrote each event, delivered with it so
-- the services that process the event continue that trace; null for events written outside one.
alter table outbox_events add column traceparent varchar(55);
