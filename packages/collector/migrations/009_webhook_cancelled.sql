-- Disabling a webhook endpoint cancels its pending deliveries (docs/webhooks.md, "Delivery"): they would
-- otherwise stay pending forever, as no worker claims a disabled endpoint's deliveries.
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled'));
