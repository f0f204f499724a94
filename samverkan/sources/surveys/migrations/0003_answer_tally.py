"""Tallies per wave × delområde × question × answer, counted from the answers already stored."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count


def count_answers(apps, schema_editor):
    Answer = apps.get_model("surveys", "Answer")
    Response = apps.get_model("surveys", "Response")
    AnswerTally = apps.get_model("surveys", "AnswerTally")
    per_answer = (
        Answer.objects.order_by()
        .values_list("response__wave_id", "response__delomrade", "question_id", "value")
        .annotate(n=Count("id"))
    )
    per_area = Response.objects.order_by().values_list("wave_id", "delomrade").annotate(n=Count("id"))
    AnswerTally.objects.bulk_create(
        [
            *(
                AnswerTally(wave_id=wave, delomrade=area, question_id=question, value=value, count=n)
                for wave, area, question, value, n in per_answer
            ),
            *(AnswerTally(wave_id=wave, delomrade=area, question_id=None, value="", count=n) for wave, area, n in per_area),
        ],
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_seed_question_bank")]

    operations = [
        migrations.CreateModel(
            name="AnswerTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "delomrade",
                    models.CharField(blank=True, max_length=100, verbose_name="part of the municipality"),
                ),
                ("value", models.CharField(blank=True, max_length=40, verbose_name="answer")),
                ("count", models.PositiveIntegerField(verbose_name="count")),
                (
                    "question",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: the respondents.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="surveys.question",
                    ),
                ),
                (
                    "wave",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="surveys.wave",
                        verbose_name="wave",
                    ),
                ),
            ],
            options={
                "verbose_name": "survey tally",
                "verbose_name_plural": "survey tallies",
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("question__isnull", False)),
                        fields=("wave", "delomrade", "question", "value"),
                        name="one_survey_tally_per_answer",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("question__isnull", True)),
                        fields=("wave", "delomrade"),
                        name="one_survey_respondent_tally",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("question__isnull", False), ("value", ""), _connector="OR"),
                        name="survey_respondent_tally_has_no_answer",
                    ),
                    models.CheckConstraint(condition=models.Q(("count__gte", 1)), name="survey_tally_counts_something"),
                ],
            },
        ),
        migrations.RunPython(count_answers, migrations.RunPython.noop),
    ]
