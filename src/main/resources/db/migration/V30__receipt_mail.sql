-- Issue 15: receipts mailed to the offices. receipt_mail: null (mail was off when the file was filed),
-- DUE, SENT or NO_ADDRESS; a failed send stays DUE and is tried again by the next run.
alter table submission add column receipt_mail varchar(16);
alter table submission add column receipt_mail_to varchar(1000);
alter table submission add column receipt_mail_at timestamp;
