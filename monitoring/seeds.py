"""The six bouwstenen of regional GP collaboration (LHV/NHG/InEen, seed 003).

Used by the data migration and by ``demodata`` (which re-seeds a database that was flushed).
"""

BOUWSTENEN = [
    (1, "Regioplan", "Een gedeelde analyse en agenda van de zorg in de regio."),
    (2, "ICT/informatiebeleid", "Gegevensuitwisseling en digitale ondersteuning van samenwerking."),
    (
        3,
        "Gemandateerde samenwerkingsafspraken",
        "Afspraken die namens de huisartsen worden gemaakt en nagekomen.",
    ),
    (4, "Arbeidsmarktproblematiek", "Werving, behoud en inzet van personeel."),
    (5, "Ontzorging bedrijfsvoering", "Ondersteuning van praktijken in hun bedrijfsvoering."),
    (6, "Zorgaanbod en kwaliteitsbeleid", "Het vormgeven van zorgaanbod, preventie en kwaliteit."),
]


def zaai(*, Bouwsteen) -> None:
    """Create or update the bouwstenen; takes the (historical) model class."""
    for nummer, naam, omschrijving in BOUWSTENEN:
        Bouwsteen.objects.update_or_create(
            nummer=nummer, defaults={"naam": naam, "omschrijving": omschrijving}
        )
