"""PostgreSQL refuses UPDATE and DELETE on the access log; only the retention task may delete, after
``SET LOCAL zio.toegangslog_opruimen = 'aan'`` in its own transaction."""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION beveiliging_toegangslog_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('zio.toegangslog_opruimen', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'Het toegangslog is alleen-toevoegen: ' || TG_OP || ' is niet toegestaan';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER toegangslog_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON beveiliging_toegangsregel
    FOR EACH ROW EXECUTE FUNCTION beveiliging_toegangslog_alleen_toevoegen();
"""
TERUG = """
DROP TRIGGER IF EXISTS toegangslog_alleen_toevoegen ON beveiliging_toegangsregel;
DROP FUNCTION IF EXISTS beveiliging_toegangslog_alleen_toevoegen();
"""


def _sql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("beveiliging", "0001_initial")]

    operations = [migrations.RunPython(_sql(FUNCTIE), _sql(TERUG))]
