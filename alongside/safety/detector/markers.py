"""Context markers: words around a finding that change what it means.

Each marker is one regular expression over normalised text, English and Spanish together, compiled
once and searched with lexicon.find_all (which checks that a match starts on a token). The engine
asks where they occur (same clause, same sentence, anywhere) relative to a finding.
"""

from __future__ import annotations

import re

from alongside.safety.detector.anchors import StemIndex, first_stems, stems_of
from alongside.safety.detector.lexicon import compile_pattern
from alongside.safety.detector.rules_en import MACROS as EN_MACROS
from alongside.safety.detector.rules_es import MACROS as ES_MACROS

_MACROS = {**EN_MACROS, **{f"ES_{k}": v for k, v in ES_MACROS.items()}}

_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|a few|few|couple of|a couple of|some)"
_ES_NUM = r"(?:\d+|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|muchos|muchas|unos|unas)"

_SOURCES: dict[str, list[str]] = {
    # The finding happened long ago: with a past tense, a story rather than a crisis.
    "distant": [
        rf"{_NUM} (?:years?|decades?) (?:ago|back|later|before)(?: today| this week| this month| tonight)?",
        r"(?:years|decades) ago",
        r"when i was (?:a |an |in |younger|little|young|\d+|small|growing up|still |at )?(?:kid|child|teen|teenager|"
        r"baby|high school|middle school|college|school|uni|university|my (?:teens|twenties|20s|early|late)|"
        r"\d+|using|drinking|active|in active|in my addiction|homeless|on the streets?|married|with him|with her)?",
        r"as a (?:kid|child|teen|teenager|young (?:man|woman|adult|girl|boy)|little (?:girl|boy))",
        r"growing up",
        r"back (?:then|when|in (?:the day|\d+|high school|college|my))",
        r"(?:in|around|about|circa|since|back in) (?:19|20)\d\d",
        r"in the past",
        r"(?:a )?long time ago",
        r"used to",
        r"in (?:high school|middle school|college|my teens|my twenties|my 20s|my thirties|my early|my late)",
        r"at my (?:lowest|worst|rock bottom)",
        r"rock bottom",
        r"before (?:i got|getting|i found|i went to|going to) (?:sober|clean|help|treatment|recovery|rehab|into recovery|"
        r"on meds|the right meds)",
        r"(?:in|during) (?:my )?(?:active )?(?:addiction|using days|drinking days)",
        r"the old me",
        r"my old life",
        r"(?:have not|havent|not) (?:in|for) (?:over )?(?:a |\d+ )?(?:decade|years|year|long time)",
        r"over a decade",
        rf"{_NUM} (?:years|decades) since",
        r"in my (?:active|using|drinking) days",
        r"early (?:in )?(?:my )?recovery",
        r"my first year",
        r"one time|that one time|once when",
        rf"hace (?:{_ES_NUM} )?(?:anos|ano|mucho|tiempo|decadas|una decada)",
        r"hace mucho",
        r"cuando (?:era|estaba en|tenia \d+|vivia)",
        r"de (?:nino|nina|joven|adolescente|chico|chica|chamaco|pequeno|pequena|chiquito|chiquita)",
        r"en mi (?:adolescencia|juventud|ninez|infancia|prepa|secundaria)",
        r"en el pasado",
        r"antes (?:me|yo|solia|cuando|de (?:entrar|la|mi|recuperarme))",
        r"antes",
        r"solia",
        r"en (?:19|20)\d\d",
        r"ya paso",
    ],
    # Months or weeks ago: past, but not long enough to close the matter.
    "past": [
        r"last (?:month|year|spring|summer|fall|autumn|winter|christmas|thanksgiving|easter)",
        r"last time(?! (?:you|anyone|anybody|yall|you all|you guys|u|i will|i ll|ever|me))",
        rf"{_NUM} (?:months|month|weeks) ago",
        r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)",
        r"el (?:mes|ano) pasado|hace (?:unos |unas |\d+ )?(?:meses|semanas)",
    ],
    # Very recent: an attempt last night is still an emergency.
    "recent": [
        r"last night",
        r"yesterday",
        r"earlier(?: today| tonight| this (?:morning|evening|afternoon))?",
        r"this (?:morning|afternoon|evening)",
        r"(?:an|one|a|half an|\d+|two|a few|few|couple of|a couple of|twenty|thirty|ten|fifteen) "
        r"(?:hours?|minutes?|mins?|hrs?) ago",
        r"just now",
        r"just(?= (?:took|swallowed|cut|did|drank|used|overdosed|shot|tried|injected|hung|ate|downed|popped))",
        r"tonight",
        r"today",
        r"right now",
        r"a (?:little )?(?:bit|while) ago",
        r"moments? ago",
        r"anoche|ayer|hoy|hace (?:un )?rato|hace (?:una|\d+|unas|media|unos) (?:hora|horas|minutos)|recien|"
        r"esta manana|esta noche|ahorita",
    ],
    # The writer says they have come through it: past findings become a story.
    "recovered": [
        r"(?:in a |in a much |a |in such a )?(?:good|better|great|healthier|safe|safer|happy|happier|much better) place",
        r"doing (?:so |much |a lot |way |really )?(?:better|well|good|great|okay)(?= *(?:[,.]|$|now|today|these days))",
        r"(?:i am|im|i m) (?:doing )?(?:ok|okay|fine|safe|alive|still here|grateful|thankful|proud|free|better|happy|"
        r"healthy|stable|sober|clean|well|thriving) (?:now|today|these days)",
        r"(?:so |really |very )?glad i (?:stayed|am (?:still )?here|m still here|didnt|did not|survived|got help|"
        r"reached out|am alive|made it|held on|lived)",
        r"survived|survivor",
        rf"{_NUM} (?:days|weeks|months|years|yrs|year|month|week|day) (?:sober|clean|free|in recovery|off (?:it|drugs|"
        r"the stuff|alcohol|the pills|heroin)|without (?:a drink|using|drinking))",
        r"(?:sober|clean) (?:for|since) ",
        r"(?:therapy|treatment|meds|medication|recovery|the program|this group|aa|na|dbt|rehab|my sponsor|"
        r"the right meds) (?:really |truly |honestly )?(?:helped|saved|works|worked|gave|changed)",
        r"got (?:help|sober|clean|better|through it)",
        r"love my life",
        r"peer (?:mentor|specialist|supporter|support worker|counselor|counsellor|worker)",
        r"(?:help|helping|support|supporting) others",
        r"now i (?:have|am|help|work|get|love|know|run|lead|mentor|volunteer|live|own|m)",
        r"today i (?:am|got|have|feel|signed|celebrate|choose|know|m|help)",
        r"today (?:my|i)",
        r"years later",
        r"(?:i am|im) free",
        r"the new me",
        r"new life",
        r"recovered",
        r"(?:i have|ive) been (?:sober|clean) ",
        r"(?:i m|im|i am) (?:a )?survivor",
        r"(?:a|one) (?:year|month|week) (?:later|on)",
        r"made it through",
        r"haven t since|have not since|havent since|never again since",
        r"hoy (?:estoy|me siento) (?:bien|mejor|feliz|tranquil[oa]|en paz)",
        r"ahora (?:estoy|me siento) (?:bien|mejor|feliz|sobri[oa]|limpi[oa]|en paz)",
        r"estoy (?:mucho )?mejor",
        r"ayudo a otros|ayudar a otros",
        r"gracias a (?:dios|todos|ustedes|el grupo|la terapia|mi padrino|mi madrina)",
        rf"llevo (?:ya )?(?:{_ES_NUM} )?(?:dias|semanas|meses|anos|ano|mes) (?:limpi[oa]|sobri[oa]|sin)",
        r"sobreviv\w+",
        r"sali adelante",
    ],
    # Talking about the subject rather than living it: a class, a book, a volunteer shift.
    "edu": [
        r"class|classes|course|courses|training|trainings|trained|workshop|workshops|webinar|seminar|lecture|"
        r"presentation|module|certification|certified|conference|curriculum|research|researcher|researching|"
        r"paper|study|studies|essay|article|articles|book|books|memoir|novel|chapter|podcast|episode|documentary|"
        r"movie|film|series|lyrics|album|song|songs|character|characters|scene|awareness|prevention|preventing|statistics|"
        r"(?:reading|watching|listening to|rereading|finished|just finished) ,|"
        r"reading (?:a|about|the (?:book|novel|article|story|news|chapter|memoir))|watching (?:a|the|this|that)(?! (?:trucks|cars|traffic|trains?|water|waves|river|sea|ocean|sky|people|city|lights|world|cars))|as a (?:peer|nurse|counselor|counsellor|therapist|"
        r"social worker|case manager|recovery coach|paramedic|emt|doctor|psychiatrist|chaplain|crisis worker|support worker)|"
        r"stats|vigil|fundraiser|hotline|helpline|lifeline|volunteer|volunteering|volunteers|facilitator|"
        r"facilitate|facilitating|harm reduction|first aid|cpr|learned|learning|taught|teaching|topic|discussion|"
        r"warning signs|content warning|trigger warning|memorial|in memory|naloxone training|narcan training|"
        r"out of the darkness|awareness walk|prevention walk|memorial walk|newsletter|panel|speaker|guest speaker|"
        r"lesson|lessons|homework|syllabus|exam|quiz|journal article|we talked about|we discussed|"
        r"taller|talleres|curso|capacitacion|clase|charla|conferencia|prevencion|entrenamiento|seminario|libro|"
        r"pelicula|serie|documental|articulo|investigacion|voluntari[oa]|voluntariado|aprendimos|aprendi|platica|"
        r"cancion|canciones|novela|como (?:consejer[oa]|enfermer[oa]|terapeuta|psicolog[oa]) de pares|"
        r"(?:soy|como) (?:consejer[oa]|enfermer[oa]|terapeuta|psicolog[oa]|acompanante) de pares",
    ],
    # First-person strong distress: keeps a denied risk at concern.
    "distress": [
        r"struggling|hurting|not okay|not ok|hate myself|hate my life|falling apart|breaking down|"
        r"(?:can not|cant) cope|overwhelmed|so much pain|in pain|dark place|bad place|drowning|so alone|all alone|"
        r"no one cares|nobody cares|(?:can not|cant) stop crying|crying|terrified|panic|panicking|miserable|"
        r"desperate|numb|empty|depressed|hopeless|worthless|suffering|help me|please help|need help|"
        r"(?:can not|cant) do this|rough night|hard night|losing it|losing my mind|spiraling|spiralling|"
        r"not doing well|so tired of|sick of everything|so done|heartbroken|breaking",
        r"estoy muy mal|me siento (?:muy )?mal|sufriendo|sufro|llorando|lloro|desesperad[oa]|deprimid[oa]|"
        r"angustia|necesito ayuda|ayudame|no puedo mas|me duele|vaci[oa]|agotad[oa]|no aguanto",
    ],
    # Something happening now or soon: turns a wish into an emergency.
    "time": [r"<TIME>", r"now", r"<ES_TIEMPO>"],
    # Happening as the writer writes: where they are now matters.
    "now": [
        r"right now|rn|now|tonight|at the moment|as we speak|as i (?:type|write)|ahora(?: mismo)?|ahorita|esta noche",
        r"(?:for|over) (?:an|over an|almost an|about an|half an|\d+|two|a couple of|a few|like an) (?:hour|hours|minutes)"
        r"(?= *(?:[,.]|$|now|already|just))|(?:llevo|lleva) (?:una|\d+|dos|media) (?:hora|horas)",
    ],
    # Ordinary business at a place: being on a roof or a bridge to fix, watch or meet is no warning sign.
    "errand": [
        r"fixing|cleaning|working|shoveling|shovelling|painting|repairing|installing|replacing|watching|enjoying|having|"
        r"taking (?:pictures|photos|a picture|a photo|a selfie)|smoking|eating|chilling|relaxing|stuck|traffic|commute|"
        r"fireworks|sunset|sunrise|view|picnic|party|concert|wedding|festival|club|game|match|hike|hiking|run|running|"
        r"jog|jogging|fishing|bbq|barbecue|tour|field trip|class|shift|delivery|deliveries|gutters|antenna|shingles|"
        r"with (?:my (?:friends|family|kids|wife|husband|partner|dog|mom|dad|son|daughter|girlfriend|boyfriend)|friends|"
        r"the (?:kids|family|team|crew|group)|some friends|coworkers)|"
        r"arreglando|limpiando|trabajando|pintando|viendo (?:el|la|los|las) (?:partido|atardecer|vista|fuegos)|con (?:mis|unos) "
        r"(?:amigos|amigas|hijos|primos)|antena|tinaco|fiesta|carne asada|paseo"
    ],
    # Drug or medication context, for first-person overdose signs.
    "drug_context": [
        r"<PILLS>|overdose|overdosing|overdosed|drank|drinking|shot up|injected|snorted|high|drugs|dope|vodka|"
        r"alcohol|whiskey|wine|narcan|naloxone|pastillas|sobredosis|consumi|inyecte|me tome|medicamentos|"
        r"heroin|fent|fentanyl|meth|coke|cocaine|crack|xanax|benzos|bars|oxys?|percs?|stash|bag|using|used|"
        r"relapsed",
    ],
    # Self-harm context, for injuries that could be accidents.
    "sh_context": [
        r"cut|cutting|cuts|blade|blades|razor|razors|self harm|wrist|wrists|knife|scissors|sharpener|"
        r"cortarme|me corte|me corto|cortando|cortada|cortadas|cortadura|herida|heridas|navaja|cuchilla|cuchillo|autolesion\w*",
    ],
    # Someone asking for help now: an overdose mentioned with it is happening.
    "emergency": [
        r"please help|help me|help please|someone help|call 911|call 999|call 112|called 911|ambulance|"
        r"what do i do|what should i do|what do we do|is not responding|not responding|ayuda|"
        r"llamen a|ambulancia|que hago",
    ],
    # Water or a road: where walking "in" or "out" is a way to die without saying so.
    "water_or_road": [
        r"river|rivers|sea|ocean|lake|water|waves|surf|bay|beach|shore|tide|current|canal|harbou?r|pier|dock|reservoir|"
        r"quarry|traffic|highway|freeway|interstate|road|street|tracks|train|trains|rio|mar|lago|agua|olas|playa|"
        r"carretera|autopista|vias"
    ],
    # Someone frightening or hurting people at home: makes a weapon brought out a danger now.
    "violence_context": [
        r"threaten\w*|drunk|screaming|yelling|hitting|beating|hurt|scared|terrified|hiding|hide|locked|attack\w*|"
        r"choking|fight|fighting|rage|raging|going to kill|gonna kill|kill (?:us|me|her|him|them)|police|911|"
        r"amenaz\w*|borracho|gritando|golpeando|miedo|escondid[oa]s?"
    ],
    # A weapon anywhere in the message escalates abuse and violence.
    "weapon": [
        r"gun|guns|rifle|pistol|shotgun|revolver|firearm|knife|knives|bat|machete|weapon|axe|hammer|"
        r"arma|pistola|cuchillo|navaja|machete|escopeta|rifle",
    ],
    # Hedges that make a death wish hyperbole.
    "laugh": [r"lol|just kidding|lmao"],
    # Fear of or hypotheses about a relapse are not a relapse.
    "fear": [
        r"scared|afraid|worried|terrified|fear|fearing|nervous|anxious|what if|in case|if|prevent|avoid|"
        r"avoiding|so i do not|so that i do not|in order not to|without|tengo miedo de|miedo de|miedo a|si|"
        r"para no|evitar|prevenir",
    ],
    # Benign reasons to give things away.
    "moving": [
        r"moving|move|moved|new apartment|new place|new house|donate|donating|donated|charity|goodwill|declutter|"
        r"decluttering|spring cleaning|if anyone wants|anyone want|selling|sold|yard sale|garage sale|thrift|"
        r"downsizing|minimalism|mudanza|donar|regalo si alguien",
    ],
    # Someone at the writer's home or following them: a weapon they have is a threat.
    "at_my_door": [
        r"(?:outside|in front of|at|near|around) (?:my|our) (?:house|place|apartment|door|window|work|job|building|car)",
        r"parked outside|at (?:the|my) door|(?:followed|following|follows) me|(?:will not|wont|refuses to) leave|"
        r"showed up|banging on|is here|on (?:his|her|their) way|coming over|coming here",
    ],
    # Someone else's crisis told as handled: they are safe now or getting help.
    "resolved": [
        r"(?:he|she|they) (?:is|are|s|re) (?:now |finally |safe and |home and )?(?:safe|okay|ok|alright|all right|stable|"
        r"getting (?:help|support|care|treatment)|in (?:good|safe) hands|doing (?:better|okay|ok|well))"
        r"(?= *(?:[,.]|$|now|and|thank|thanks|proud|so|today))",
        r"(?:ya )?(?:esta|estan) (?:a salvo|bien|estable|recibiendo ayuda|en buenas manos)(?= *(?:[,.]|$|y|gracias))",
    ],
    # A question put to the writer ("my therapist asked if...") and their answer "no".
    "asked_if": [
        r"(?:asked|asks|asking|ask|questioned|wanted to know|checked) (?:me )?(?:\w+ ){0,2}?(?:if|whether)",
        r"(?:me |le )?pregunt\w* (?:\w+ ){0,2}?si",
    ],
    "said_no": [
        r"(?:and |but )?(?:honestly |truthfully |to be honest |tbh )?i (?:have not|had not|do not|did not|am not|was not|"
        r"really have not|really do not)(?= *(?:[,.]|$|i |just|really|at all|lately))",
        r"(?:no|nope|nah)(?= *(?:[,.]|$)) (?:i am|im|i m) (?:fine|ok|okay|good|safe)",
        r"(?:i |and i |i just )?(?:said|say|told (?:her|him|them|the \w+|my \w+)|answered|replied|responded) "
        r"(?:that )?(?:no|nope|nah|not really|never|honestly no|i (?:was not|am not|do not|did not|have not|had not))",
        r"i (?:honestly |truthfully )?(?:said|told (?:her|him|them)) no",
        r"(?:le |les )?(?:dije|conteste|respondi) (?:que )?no",
    ],
    # Takes a reported "no" back: "I said no but I lied".
    "denial_cancel": [r"lied|lying|was not honest|wasnt honest|not true|menti|mentira"],
    # "I'd be lying if I said I didn't..." turns a denial back into an admission.
    "negation_cancel": [r"(?:lying|lie|lied) if i (?:said|say|told you)"],
}

MARKERS: dict[str, re.Pattern[str]] = {
    name: compile_pattern("|".join(f"(?:{p})" for p in patterns), _MACROS)
    for name, patterns in _SOURCES.items()
}
MARKER_NAMES: tuple[str, ...] = tuple(MARKERS)
MARKER_INDEX = StemIndex([stems_of(MARKERS[name]) for name in MARKER_NAMES])
MARKER_FIRST: dict[str, frozenset[tuple[str, bool]] | None] = {
    name: first_stems(MARKERS[name]) for name in MARKER_NAMES
}
MARKER_FIRST_INDEX = StemIndex([stems or frozenset() for stems in MARKER_FIRST.values()])

# Who a finding is about, judged from the nearest subject before it in the sentence.
FIRST_PERSON = frozenset(["i", "me", "my", "myself", "mine", "meself", "yo"])
SECOND_PERSON = frozenset(["you", "your", "yourself", "yours", "u", "ur", "urself"])
GROUP = frozenset(["we", "us", "our", "ourselves", "nosotros"])
THIRD_PERSON = frozenset(
    [
        "he",
        "she",
        "they",
        "him",
        "her",
        "his",
        "hers",
        "them",
        "their",
        "theirs",
        "himself",
        "herself",
        "themselves",
        "someone",
        "somebody",
        "anyone",
        "people",
        "person",
        "friend",
        "friends",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "mom",
        "mum",
        "mother",
        "dad",
        "father",
        "son",
        "daughter",
        "kid",
        "kids",
        "child",
        "children",
        "partner",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "ex",
        "roommate",
        "roomie",
        "cousin",
        "uncle",
        "aunt",
        "grandma",
        "grandpa",
        "grandmother",
        "grandfather",
        "sponsor",
        "sponsee",
        "stepdad",
        "stepmom",
        "stepfather",
        "stepmother",
        "boss",
        "neighbor",
        "neighbour",
        "buddy",
        "teacher",
        "coworker",
        "nephew",
        "niece",
        "fiance",
        "fiancee",
        "guy",
        "girl",
        "man",
        "woman",
        "client",
        "patient",
        "member",
        "peer",
        "student",
        "classmate",
        "character",
        "bro",
        "sis",
        "cousins",
        "teen",
        "teenager",
        "daughters",
        "sons",
        "parent",
        "parents",
        "wifey",
        "hubby",
        "bestie",
        "homie",
        "mate",
        "colleague",
        "family",
        "el",
        "ella",
        "ellos",
        "ellas",
        "amigo",
        "amiga",
        "hermano",
        "hermana",
        "mama",
        "papa",
        "madre",
        "padre",
        "hijo",
        "hija",
        "primo",
        "prima",
        "tio",
        "tia",
        "esposo",
        "esposa",
        "novio",
        "novia",
        "pareja",
        "vecino",
        "vecina",
        "companero",
        "companera",
        "alguien",
        "abuela",
        "abuelo",
        "padrastro",
        "madrastra",
        "suegra",
        "suegro",
        "jefe",
        "jefa",
    ]
)

# Words that may stand between a negation and what it negates ("not *going to* kill myself").
NEGATORS = frozenset(["not", "never", "no", "nunca", "jamas", "tampoco", "ni", "without", "sin"])
NEGATION_BRIDGE = frozenset(
    [
        "go",
        "back",
        "going",
        "to",
        "gonna",
        "want",
        "wanna",
        "will",
        "would",
        "could",
        "should",
        "ever",
        "really",
        "even",
        "actually",
        "try",
        "trying",
        "plan",
        "planning",
        "intend",
        "intending",
        "am",
        "is",
        "are",
        "be",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "any",
        "intention",
        "intentions",
        "of",
        "about",
        "thinking",
        "think",
        "just",
        "honestly",
        "seriously",
        "definitely",
        "again",
        "anymore",
        "longer",
        "so",
        "that",
        "the",
        "urge",
        "urges",
        "feel",
        "feeling",
        "like",
        "need",
        "get",
        "promise",
        "swear",
        "a",
        "an",
        "single",
        "doing",
        "anything",
        "right",
        "now",
        "ready",
        "able",
        "allowed",
        "able",
        "thoughts",
        "tempted",
        "thought",
        "me",
        "te",
        "se",
        "lo",
        "la",
        "voy",
        "va",
        "vamos",
        "a",
        "quiero",
        "quiere",
        "pienso",
        "hacer",
        "hacerme",
        "nada",
        "vuelvo",
        "volvere",
        "volver",
        "mas",
        "otra",
        "vez",
        "ya",
        "estoy",
        "pensando",
        "en",
        "de",
        "ni",
        "tengo",
        "ganas",
        "puedo",
        "pude",
        "voy",
    ]
)
# After these, "i" may also stand between ("don't think i want to die").
NEGATION_I_OK = frozenset(["think", "believe", "guess", "feel", "know", "say", "saying", "said"])
# Recovery verbs that negate a craving or urge ("resisted the urge to drink").
RECOVERY_NEGATORS = frozenset(
    [
        "resisted",
        "resist",
        "resisting",
        "fought",
        "fight",
        "fighting",
        "beat",
        "survived",
        "ignored",
        "avoided",
        "avoid",
        "almost",
        "nearly",
        "stopped",
        "quit",
        "didnt",
        "skipped",
        "passed",
    ]
)
# Auxiliaries that put the following expression in the past.
PAST_WORDS = frozenset(
    [
        "tried",
        "attempted",
        "wanted",
        "was",
        "were",
        "had",
        "used",
        "felt",
        "thought",
        "almost",
        "nearly",
        "once",
        "did",
        "went",
        "intente",
        "quise",
        "trate",
        "pense",
        "pensaba",
        "sentia",
        "queria",
        "quería",
        "solia",
    ]
)
# Words that keep an expression present despite a past verb ("I still want to die").
PRESENT_WORDS = frozenset(
    [
        "still",
        "again",
        "keep",
        "keeps",
        "lately",
        "currently",
        "anymore",
        "constantly",
        "sigo",
        "sigue",
        "todavia",
        "aun",
    ]
)
# Intent before an expression ("going to", "will"), as opposed to a wish or a thought.
INTENT_WORDS = frozenset(
    [
        "going",
        "gonna",
        "will",
        "about",
        "ready",
        "plan",
        "planning",
        "planned",
        "decided",
        "decide",
        "intend",
        "intending",
        "finally",
        "doing",
        "voy",
        "va",
        "vamos",
        "decidi",
        "pienso",
        "listo",
        "lista",
    ]
)
# Thought rather than intent ("thinking about killing myself").
IDEATION_WORDS = frozenset(
    [
        "thinking",
        "think",
        "thought",
        "thoughts",
        "fantasize",
        "fantasizing",
        "fantasies",
        "fantasise",
        "imagine",
        "imagining",
        "picturing",
        "dream",
        "dreaming",
        "daydream",
        "daydreaming",
        "considering",
        "consider",
        "ideation",
        "pensando",
        "pensamientos",
        "pensado",
        "pienso",
        "idea",
        "ideas",
    ]
)
