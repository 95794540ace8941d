"""The wijkplannen of the demo region. DEMO: the CBS wijk codes and the figures are made up."""

# Synthetic CBS wijk codes of the demo wijken (gemeente code + a number), matching the demo CBS files.
CBS_WIJKCODES = {
    "Malberg": "WK093501",
    "Caberg": "WK093502",
    "Pottenberg": "WK093503",
    "Wittevrouwenveld": "WK093504",
    "Mariaberg": "WK093505",
    "Daalhof": "WK093506",
    "Sint Pieter": "WK093507",
    "Heer": "WK093508",
    "Heugem": "WK093509",
    "Wyck-Céramique": "WK093510",
    "Amby": "WK093511",
    "Eijsden": "WK190301",
    "Margraten": "WK190302",
    "Gulpen": "WK172901",
    "Wittem/Mechelen": "WK172902",
    "Meerssen": "WK093801",
    "Bunde": "WK093802",
    "Vaals": "WK098101",
    "Valkenburg": "WK099401",
}

# Of the wijken with a WSV: the first ones have a vastgesteld plan, the next ones a concept, the rest none.
AANTAL_VASTGESTELD = 4
AANTAL_CONCEPT = 4

SCAN = (
    (
        "zorgvraag",
        "Ouderen met meerdere aandoeningen",
        "Veel 75-plussers met polyfarmacie; genoemd door apotheek en POH.",
    ),
    (
        "zorgvraag",
        "Psychosociale klachten bij jongeren",
        "Huisartsen zien meer jongeren met somberheid en stress.",
    ),
    ("kwetsbare_groep", "Alleenwonende ouderen", "Ruim 40% eenpersoonshuishoudens, veel ouderen daaronder."),
    ("kwetsbare_groep", "Gezinnen met schulden", "Het sociaal wijkteam meldt een groeiende groep."),
    ("wijkknelpunt", "Wachttijd wijkverpleging", "Nieuwe cliënten wachten soms twee weken op een intake."),
    ("wijkknelpunt", "Geen diëtist in de wijk", "Patiënten moeten naar een andere wijk."),
    ("gezondheidsvraagstuk", "Eenzaamheid", "Beïnvloedbaar met welzijn op recept en buurtactiviteiten."),
    (
        "gezondheidsvraagstuk",
        "Overgewicht bij kinderen",
        "Beïnvloedbaar met de gecombineerde leefstijlinterventie.",
    ),
)

# (scan item, goal, SMART parts, action) per priority.
PRIORITEITEN = (
    (
        "Eenzaamheid",
        "Eenzame ouderen eerder in beeld",
        "Praktijken en wijkverpleging signaleren eenzaamheid bij 75-plussers en verwijzen naar welzijn.",
        "Aantal verwijzingen naar welzijn op recept per kwartaal; streefwaarde 30 per jaar.",
        "Afgesproken in de WSV; praktijken, wijkverpleging en welzijn stemden in.",
        "Welzijn op recept bestaat al; de POH ouderenzorg neemt het mee in de huisbezoeken.",
        "Verwijsroute welzijn op recept bespreken in het teamoverleg van elke praktijk",
    ),
    (
        "Wachttijd wijkverpleging",
        "Intake wijkverpleging binnen vijf werkdagen",
        "Nieuwe cliënten van de wijkverpleging krijgen binnen vijf werkdagen een intake.",
        "Percentage intakes binnen vijf werkdagen; streefwaarde 90%.",
        "De wijkverpleging en de huisartsen willen dit; de zorgverzekeraar is ingelicht.",
        "Met een vaste overdrachtsroute en een wekelijks overdrachtsmoment is dit haalbaar.",
        "Vast wekelijks overdrachtsmoment tussen POH en wijkverpleging afspreken",
    ),
)
