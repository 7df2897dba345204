-- The office header of a fill-in template (B9 office, B10 officer, B11 phone / mail), kept with the
-- submission so the chase list can name whom to call about a region's missing or late data.
alter table submission add column office_name varchar(300);
alter table submission add column officer_name varchar(300);
alter table submission add column contact varchar(500);
