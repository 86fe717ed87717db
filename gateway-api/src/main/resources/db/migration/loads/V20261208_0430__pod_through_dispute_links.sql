-- A proof of delivery may also arrive through a dispute's upload link (the carrier asked for a signed POD while a
-- dispute is open): channel DISPUTE_LINK.
ALTER TABLE delivery_confirmations DROP CONSTRAINT delivery_confirmations_channel_check;
ALTER TABLE delivery_confirmations
    ADD CONSTRAINT delivery_confirmations_channel_check CHECK (channel IN ('API', 'DRIVER_LINK', 'DISPUTE_LINK'));
