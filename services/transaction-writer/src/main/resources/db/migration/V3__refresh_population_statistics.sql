-- The bulk loader inserts its accounts and merchants, then COPYs transactions that reference them. Every row's
-- foreign-key checks are planned from the tables' statistics: taken when merchants held one row, they make that plan
-- a sequential scan per row, which halved the bulk rate after a benchmark's API phase. ANALYZE needs the tables'
-- owner; this function runs as the owner and is the only such right the application role gets (R__roles_and_grants).
CREATE FUNCTION refresh_population_statistics() RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    ANALYZE accounts;
    ANALYZE merchants;
END
$$;

REVOKE EXECUTE ON FUNCTION refresh_population_statistics() FROM PUBLIC;
