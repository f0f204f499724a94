"""Every install has the question bank. Texts come from bank.py; a later change to the bank
adds a migration that runs seed_questions again."""

from django.db import migrations


def seed_questions(apps, schema_editor):
    from samverkan.sources.surveys.bank import QUESTIONS

    Question = apps.get_model("surveys", "Question")
    for order, question in enumerate(QUESTIONS, start=1):
        Question.objects.update_or_create(
            key=question.key,
            defaults={"kind": question.kind, "text_sv": question.sv, "text_en": question.en, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(seed_questions, migrations.RunPython.noop)]
