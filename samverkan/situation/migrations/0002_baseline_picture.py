from django.db import migrations


class Migration(migrations.Migration):
    """Baselines keep the picture's facts only; charts are drawn from them when the baseline is opened."""

    dependencies = [("situation", "0001_initial")]

    operations = [migrations.RemoveField(model_name="baseline", name="charts")]
