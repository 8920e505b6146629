"""English rules, written against normalised text (see normalize.py and lexicon.py).

Normalisation has already expanded contractions ("don't" -> "do not", "i'm" -> "i am"), chat spellings
("gonna" -> "going to", "rn" -> "right now") and algospeak ("kms" -> "kill myself", "unalive" ->
"kill", "sewerslide" -> "suicide", "od" -> "overdose"), so patterns name each idea once.
"""

from __future__ import annotations

from alongside.safety.detector.lexicon import (
    ABUSE,
    ABUSE_ACT,
    ACT,
    BURDEN,
    COMMAND,
    CRAVING,
    FAREWELL,
    HARASS,
    HARASSMENT,
    HOPELESS,
    HOPELESSNESS,
    HOUSING,
    HOUSING_LOSS,
    IDIOM,
    IMPLICIT,
    LOCATION,
    MEANS_AT_HAND,
    MEANS_HAVE,
    MEANS_STRONG,
    MISUSE,
    NEAR_USE,
    OD_ACT,
    OD_SIGNS,
    OVERDOSE,
    PASSIVE,
    PLAN,
    PLAN_STRONG,
    PREP,
    PSYCHOSIS,
    PSYCHOSIS_SIGN,
    RELAPSE,
    RESEARCH,
    SAFETY,
    SELF_HARM,
    SH,
    SH_SEVERE,
    SOFT_PREP,
    STATE,
    SUBSTANCE,
    SUICIDE,
    THREAT,
    TIMING,
    TOPIC,
    USE,
    VIOLENCE,
    VIOLENCE_INTENT,
    VIOLENCE_NOW,
    VIOLENCE_URGE,
    RuleSet,
)

MACROS = {
    "ADV": (
        r"(?:(?:just|really|honestly|seriously|literally|kind of|sort of|lowkey|actually|so|truly|"
        r"fucking|genuinely|still|sometimes|often|always|simply|badly|desperately|even|all|only|"
        r"totally|completely|finally|kinda|secretly|quietly|very|low key|almost) ){0,4}"
    ),
    "SELF": r"(?:myself|my self|meself)",
    "THEMSELF": r"(?:himself|herself|themselves|themself|theirself|hisself)",
    "ANYSELF": r"(?:<SELF>|<THEMSELF>)",
    "POSS": r"(?:my|his|her|their|your|our)",
    "PILLS": (
        r"(?:pills?|tablets?|meds|medication|medications|medicine|medicines|painkillers?|"
        r"pain killers?|pain meds|pain pills|sleeping pills|sleeping tablets|sleeping meds|"
        r"antidepressants?|anxiety meds|xanax|bars|benzos?|oxys?|oxycodone|oxycontin|percs?|"
        r"percocets?|vicodin|hydrocodone|opioids?|opiates?|seroquel|quetiapine|lorazepam|klonopin|"
        r"clonazepam|ativan|valium|diazepam|tylenol(?: pm)?|paracetamol|acetaminophen|ibuprofen|"
        r"advil|aspirin|insulin|lithium|adderall|ambien|zolpidem|trazodone|gabapentin|methadone|"
        r"suboxone|fentanyl|fent|heroin|morphine|codeine|tramadol|prozac|zoloft|sertraline|"
        r"lexapro|wellbutrin|benadryl|nyquil|melatonin|prescription|prescriptions|script|stash)"
    ),
    "DRUG": (
        r"(?:heroin|dope|fent|fentanyl|meth|crystal|crack|coke|cocaine|blow|pills|oxys?|percs?|"
        r"xanax|bars|benzos?|opioids?|opiates|weed|ket|ketamine|molly|mdma|speed|smack|lean|drugs|"
        r"gear|shard|tina|pot|dab|dabs|kratom|h)"
    ),
    "BOOZE": (
        r"(?:beers?|wines?|vodka|whiskey|whisky|tequila|rum|gin|bourbon|brandy|shots?|drinks?|"
        r"liquor|booze|alcohol|fifths?|six ?pack|tall ?boys?|pints?|margaritas?|cocktails?|"
        r"seltzers?|white claws?|champagne|sake|cider|mimosas?|jack|jameson|"
        r"bottles?(?! of (?:water|juice|soda|pop|milk|tea|coffee|gatorade|kombucha|sparkling|shampoo)))"
    ),
    "BEVERAGE": (
        r"(?:water|tea|coffee|juice|milk|soda|pop|smoothie|smoothies|kombucha|la croix|sparkling water|seltzer water|"
        r"hot chocolate|cocoa|gatorade|electrolytes|protein shake|shake|decaf|soup|broth|lemonade|mocktails?|"
        r"ginger ale|ginger beer|root beer|na beer|non alcoholic \w+|coke zero|diet coke|energy drinks?|red bull)"
    ),
    "MEANS": (
        r"(?:<PILLS>|ropes?|noose|belt|cord|extension cord|guns?|pistol|handgun|rifle|shotgun|"
        r"firearm|revolver|glock|bullets?|knife|knives|blade|blades|razor|razors|razor blades?|"
        r"box cutter|bleach|poison|antifreeze|charcoal|needles?|syringes?|rat poison|exit bag|"
        r"helium|weapon)"
    ),
    "TIME": (
        r"(?:tonight|today|right now|tomorrow|this weekend|this week|soon|very soon|"
        r"in an hour|in a few hours|in a couple (?:of )?hours|later tonight|later today|this morning|"
        r"this afternoon|this evening|after (?:my|the|this) shift|after work|after school|"
        r"(?:when|once|after) (?:everyone|everybody|the kids|they|my (?:\w+ )?(?:wife|husband|"
        r"roommate|mom|dad|parents|partner|family)) (?:is |are |goes |go |has |have |gets |get |"
        r"falls |fall )?(?:finally )?(?:asleep|to sleep|to bed|gone|out|leaves|leave|left)|"
        r"by (?:morning|tomorrow|tonight|the weekend|midnight|friday|saturday|sunday|monday)|"
        r"before (?:morning|tomorrow|sunrise|midnight|the sun comes up)|"
        r"(?:on|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|"
        r"on my birthday|at midnight|first thing tomorrow)"
    ),
    "INTENT": (
        r"(?:going to|about to|will|shall|ready to|planning to|planning on|plan to|plan on|"
        r"decided to|have decided to|intend to|intending to|finally going to|getting ready to|"
        r"preparing to|gonna)"
    ),
    "DESIRE": (
        r"(?:want to|wanted to|wanting to|wanna|wish to|would like to|need to|long to|longing to|"
        r"would rather|d rather|feel like|felt like|feeling like|urge to|urges to|tempted to|"
        r"ready to)"
    ),
    "PERSON": (
        r"(?:friend|brother|sister|mom|mum|mother|dad|father|son|daughter|kid|child|partner|"
        r"boyfriend|girlfriend|husband|wife|ex|roommate|cousin|uncle|aunt|grandma|grandpa|"
        r"grandmother|grandfather|sponsor|sponsee|stepdad|stepmom|stepfather|stepmother|boss|"
        r"neighbor|neighbour|buddy|teacher|coworker|nephew|niece|fiance|fiancee|baby|family|"
        r"landlord|pimp|dealer|foster (?:mom|dad|parent))"
    ),
    "VEHICLE": r"(?:train|trains|bus|truck|semi|car|cars|traffic|oncoming traffic|subway|tram|lorry)",
    "HEIGHT": (
        r"(?:bridge|building|roof|rooftop|balcony|ledge|cliff|overpass|window|parking garage|"
        r"garage roof|tower|highway overpass|edge|dam|tracks|train tracks|railing)"
    ),
}

EN = RuleSet("en", MACROS)
add = EN.add

# --------------------------------------------------------------------------- suicide: acts and methods
add(
    "suicide.kill_self",
    ACT,
    SUICIDE,
    r"(?:kill|killing|killed|kills) <SELF>",
    subject="self",
)
add(
    "suicide.off_self",
    ACT,
    SUICIDE,
    r"(?:off|offing|offed) <SELF>",
    r"(?:use|using|turn|turning|point|pointing) (?:it|the gun|the knife|a gun|a knife|the pistol|the blade|them|the pills) "
    r"on <SELF>",
    subject="self",
)
add(
    "suicide.kill_themself",
    ACT,
    SUICIDE,
    r"(?:kill|killing|kills) <THEMSELF>",
    subject="other",
)
add(
    "suicide.other_intent",
    ACT,
    SUICIDE,
    r"(?:he|she|they|hes|shes|theyre|he is|she is|they are) (?:is |are )?(?:going to|gonna|about to|planning to|"
    r"plans to|wants to|want to|will) (?:kill <THEMSELF>|end (?:his|her|their) (?:own )?life|take (?:his|her|their) "
    r"(?:own )?life)",
    subject="other",
    intent=True,
)
add(
    "suicide.killed_themself",
    ACT,
    SUICIDE,
    r"killed <THEMSELF>",
    subject="other",
    tense="past",
)
add(
    "suicide.end_life",
    ACT,
    SUICIDE,
    r"(?:end|ending|ended|take|taking|took|taken) (?:<POSS>) (?:own )?life(?! (?:back|in (?:my|his|her|their) hands))",
    subject="poss",
)
add(
    "suicide.end_it",
    ACT,
    SUICIDE,
    r"(?:end|ending) (?:it all|it|everything|things|this|my suffering|the pain|my pain|this life|"
    r"this pain|this misery|my misery|all of it|it for good|my existence)"
    r"(?= *(?:[,.]|$|tonight|today|right now|now|soon|tomorrow|for good|for real|once and for all|all|no more|"
    r"already|this time|i |because|and|but|when|after|before|before|like|on (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|my birthday)|with (?:a|the|my) (?:<MEANS>)|this weekend|this week|"
    r"next week|by (?:friday|saturday|sunday|monday|the weekend|tomorrow|morning)))",
)
add(
    "suicide.commit",
    ACT,
    SUICIDE,
    r"commit(?:s|ted|ting)? suicide",
    r"(?:do|doing|attempt|attempting|try) suicide",
)
add(
    "suicide.method_self",
    ACT,
    SUICIDE,
    r"(?:hang|hanging|hanged|hung|shoot|shooting|shot|drown|drowning|drowned|gas|gassing|poison|"
    r"poisoning|poisoned|suffocate|suffocating|electrocute|electrocuting) <ANYSELF>(?! in the foot)",
    r"(?:starve|starving|drink|drinking) <ANYSELF> to death",
    r"(?:blow|blew|blowing) (?:my|his|her|their) (?:brains|head) out",
    r"(?:put|putting) a (?:bullet|gun) (?:in|to|into|through) (?:my|his|her|their) (?:head|mouth|brain|temple)",
    r"(?:slit|slitting|cut|cutting) (?:my|his|her|their) (?:own )?throat",
    r"(?:throw|throwing|threw) <ANYSELF> (?:off|in front of|under|from|into) (?:a |the |an |this |that )?(?:<HEIGHT>|<VEHICLE>|river|sea|ocean|lake)",
    subject="poss",
)
add(
    "suicide.jump",
    ACT,
    SUICIDE,
    r"(?:jump|jumping|jumped|leap|leaping|throw myself|fall|falling) (?:off|from|in front of|out of|onto|under|down) "
    r"(?:of )?(?:a |the |my |this |that |an )?(?:\w+ ){0,2}?(?:<HEIGHT>|<VEHICLE>|top floor|quarry|falls)",
    r"(?:<INTENT>|<DESIRE>|to|and) (?:<ADV>)?(?:jump|leap|walk|wade) (?:into|in|off|in front of) (?:a |the |an )?"
    r"(?:river|sea|ocean|lake|water|<VEHICLE>|<HEIGHT>)",
    r"(?:jumped|walked|waded|threw myself) (?:in|into) (?:the |a )?(?:river|sea|ocean|bay|canal|harbour|harbor)",
    r"(?:step|stepping|stepped|walk|walking|walked|lie|lying|lay|laying) (?:down )?(?:in front of|out in front of|"
    r"into|onto|on) (?:a |the |an |the next |oncoming )?(?:<VEHICLE>|one|tracks|train tracks|the ocean|the sea|"
    r"highway|freeway)",
    r"(?:<INTENT>|<DESIRE>|to) (?:<ADV>)?jump(?= *(?:[,.]|$|tonight|today|right now|now|soon|tomorrow|again))",
    r"(?:jump|fall|leap) to (?:my|his|her|their) death",
    r"(?:a |one )?(?:long |last |final |one last )?(?:walk|swim) (?:out )?into (?:the )?(?:lake|river|sea|ocean|water|waves)"
    r"(?= *(?:[,.]|$|and not|tonight|today|for good))",
)
add(
    "suicide.drive",
    ACT,
    SUICIDE,
    r"(?:drive|driving|drove|crash|crashing|crashed|swerve|swerving|steer|steering|wrap|wrapping) "
    r"(?:my car |my truck |the car |the truck |it |<SELF> |my car off |off )?(?:into|off|head on into) "
    r"(?:a |the |an |some )?(?:tree|wall|river|lake|ocean|sea|oncoming traffic|traffic|truck|semi|"
    r"bridge|cliff|pole|overpass|barrier|pillar|ditch|canal|embankment|concrete)",
    r"(?:crash|crashing|crashed|wreck|wrecking|wrecked) (?:my|the) (?:car|truck|bike|motorcycle) on purpose",
    r"(?:running|run|ran|left) the (?:car|engine) in (?:the|a|my) (?:closed )?garage",
    r"(?:car|engine) running in the garage(?: with the door (?:shut|closed))?",
    r"in (?:the|my|a|our) (?:closed )?garage with the (?:engine|car|motor) (?:on|running)",
    r"in (?:the|my) (?:car|truck) (?:in the garage )?with the (?:engine|motor) (?:on|running) (?:and|in the garage|with the door)",
)
add(
    "suicide.od_intent",
    ACT,
    (SUICIDE, OVERDOSE),
    r"(?:overdose|overdosed|overdosing) on purpose",
    r"(?:<INTENT>|<DESIRE>|to) (?:<ADV>)?overdose(?! (?:on (?:\w+ )?(?:cookies|candy|chocolate|sugar|caffeine|coffee|netflix|tv|love)))",
)
add(
    "suicide.drink_to_death",
    ACT,
    (SUICIDE, SUBSTANCE),
    r"(?:drink|use|drinking|using) (?:until|till|til) i (?:die|am dead|pass out and die|do not wake up)",
)

# --------------------------------------------------------------------------- suicide: thoughts and wishes
add(
    "suicide.state",
    STATE,
    SUICIDE,
    r"suicidal(?: thoughts| ideation| feelings| urges| thinking| idea| ideas)?",
    r"(?:my|having|passive|active|the|bad|some|constant|intrusive|any) si(?= *(?:[,.]|$|is|has|have|again|thoughts|lately|today|tonight|has been))",
    r"(?:thoughts|thinking|thought|think|thinks|thinkin|ideation) (?:a lot |all the time |so much |constantly |every day )?(?:about|of) "
    r"(?:<ADV>)?(?:suicide|ending (?:it|it all|my life|things)|death|dying|my death|my own death|not being here|"
    r"not existing|not being alive|being dead|how to die|ways to die)",
    r"(?:fantasize|fantasizing|fantasies|fantasise|fantasising|dream|dreaming|daydream|daydreaming) "
    r"(?:a lot |all the time )?(?:about|of) (?:not existing|dying|death|being dead|disappearing|ending it|"
    r"not being here|not waking up|suicide|my funeral)",
    r"(?:not|no longer|never) (?:scared|afraid|frightened) (?:to die|of dying|of death)(?: anymore)?",
    r"how (?:easy|peaceful|nice|good|simple) it (?:would|will|d) be to (?:<ADV>)?(?:die|not exist|end it|disappear|"
    r"not wake up|never wake up|be dead|be gone|not be here|fall asleep forever|stop existing)",
    r"(?:suicide|dying|death) (?:is|has been|keeps|keeps being|is always) (?:on my mind|in my head|all i think about)",
)
add(
    "suicide.noun",
    STATE,
    SUICIDE,
    r"(?:my |a )?suicide(?! (?:prevention|awareness|hotline|helpline|lifeline|line|crisis line|rates?|"
    r"statistics|stats|survivors?|loss|bereavement|walk|month|day|squad|note|notes|letter|attempt|attempts|"
    r"watch|risk|screening|training|postvention|research|forest|booth|doors|mission|pact))",
)
add(
    "suicide.attempt",
    ACT,
    SUICIDE,
    r"(?:suicide attempt|attempted suicide|attempt suicide|attempting suicide|(?:my|a|another|his|her) (?:suicide )?attempt(?= *(?:[,.]|$|last|yesterday|in|at|when|and|on)))",
    tense="past",
)
add(
    "suicide.tried",
    ACT,
    SUICIDE,
    r"(?:tried|attempted|try|trying) (?:to )?(?:kill|end|take|hang|overdose|off) (?:<SELF>|<THEMSELF>|(?:my|his|her|their) (?:own )?life)",
    subject="poss",
    tense="past",
)
add(
    "suicide.passive_want",
    PASSIVE,
    SUICIDE,
    r"(?:<DESIRE>|wishing to|hoping to|just want to|wants to|wanted to|ready to) (?:<ADV>)?"
    r"(?:die|be dead|not be alive|not exist|not to exist|stop existing|cease to exist|"
    r"disappear(?: forever| for good| completely| from this world| from the world)?"
    r"(?! (?:under|into|in (?:my|a|the|bed)|for (?:a|the) (?:\w+ )?(?:bit|while|day|days|week|weekend|month|year|few)|"
    r"to (?:a|an|the|my)|on (?:a|an|vacation|holiday)))|vanish(?: forever)?|"
    r"sleep forever|go to sleep forever|fall asleep forever|not wake up|never wake up|"
    r"go to sleep and (?:not|never) wake up|fall asleep and (?:not|never) wake up|be gone|stop living|"
    r"not live anymore|not be here(?: anymore| any more)?|not be around(?: anymore)?|stop breathing|"
    r"go to sleep and stay asleep|not be a person|be with (?:god|jesus) now)"
    r"(?! (?:peacefully|of old age|old|happy|in my sleep at|surrounded|at (?:a|an|the) (?:ripe|old)))",
)
add(
    "suicide.passive_wish",
    PASSIVE,
    SUICIDE,
    r"(?:wish|wished|wishing|hope|hoping|pray|praying) (?:that )?(?:i|id|i would|i d) (?:<ADV>)?"
    r"(?:was|were|would|could|had|will|would just|could just|just|d|do not|dont|never|was never|"
    r"had never|had not|did not|would not)? ?(?:<ADV>)?"
    r"(?:dead|die|died|never been born|not been born|never born|not born|not here|gone|disappear|"
    r"wake up|not wake up|never wake up|not exist|stop existing|get hit by|get killed|be killed|"
    r"be dead|fall asleep and (?:not|never) wake up|go to sleep and (?:not|never) wake up|"
    r"not be here|go to sleep forever|sleep forever|just die|drop dead|stop breathing)",
    r"(?:wish|hope|hoping|pray|praying) (?:a|some|the|that) (?:\w+ )?(?:truck|bus|car|train|plane|meteor|"
    r"asteroid|driver|bullet|stray bullet) (?:would |will |could )?(?:<ADV>)?(?:hit|hits|kill|kills|take|run over|end) me",
    r"(?:wish|hope|hoping|pray|praying) (?:i |to |that i )(?:get|got|would get) (?:hit|killed|run over|shot|cancer)",
    r"(?:wish|hope|hoping|pray|praying) (?:it|this|everything|the pain) (?:would|will|could) (?:just )?(?:end|stop|be over) (?:for good|forever|permanently)",
    r"(?:wish|hope) (?:god|someone|somebody) (?:would|will|could) (?:just )?(?:take|kill) me",
    r"(?:wishes|wished|hopes|hoped) (?:that )?(?:he|she|they) (?:<ADV>)?(?:was|were|could|would|had) (?:<ADV>)?"
    r"(?:dead|die|never been born|not here|gone|not wake up|disappear)",
)
add(
    "suicide.passive_not_want_live",
    PASSIVE,
    SUICIDE,
    r"(?:do not|dont|not|never|no longer|dont really|do not really|did not|does not) (?:<ADV>)?"
    r"(?:want|wanna|wish|feel like) (?:to )?(?:<ADV>)?(?:live|be alive|exist|wake up tomorrow|wake up|keep living|"
    r"go on living|continue living|live anymore|see tomorrow|see another day|be a person|"
    r"keep breathing|be here anymore|be here any more|be around anymore|"
    r"be on this earth|be in this world|be here on earth|live like this|live this life)",
    r"(?:do not|dont) (?:think|know if) i (?:want to|can|wanna) (?:live|be alive|keep living|go on|"
    r"exist|be here anymore|keep going)",
    r"never want to (?:wake up|open my eyes|see tomorrow)",
    r"(?:do not|dont|dont even|do not even|would not|wouldnt|could not|couldnt) (?:<ADV>)?(?:care|mind) "
    r"(?:if|whether) i (?:<ADV>)?(?:live or die|lived or died|died|die|was dead|were dead|did not wake up|"
    r"never woke up|got hit|do not wake up|disappeared|was gone|wake up)",
    r"(?:would not|do not|dont|wouldnt) (?:care|mind) (?:dying|being dead|not waking up)",
)
add(
    "suicide.passive_states",
    PASSIVE,
    SUICIDE,
    r"better off dead",
    r"(?:would|d|rather) (?:<ADV>)?rather (?:<ADV>)?be dead",
    r"(?:would|d|i) (?:<ADV>)?rather (?:<ADV>)?die",
    r"(?:would|d) (?:<ADV>)?(?:just as soon|as soon|sooner) (?:<ADV>)?(?:not wake up|never wake up|die|be dead|"
    r"not be here|not exist|not be alive)",
    r"(?:life|my life|it|living) (?:is|is just|s) not worth (?:living|it anymore|it any more)",
    r"not worth living",
    r"(?:tired|sick|exhausted|weary) (?:of|from) (?:living|being alive|life|existing|this life|being me|"
    r"waking up|breathing)",
    r"(?:done|finished) with (?:life|living|this life|being alive|existing|this world)",
    r"ready to die(?= *(?:[,.]|$|now|tonight|today))",
    r"ready to go(?= *(?:[,.]|$|now|tonight|today))(?!(?: now)?(?: ,)? (?:waiting|for|to|out|home|when|once|as soon|"
    r"just|my|the|get|grab|meet|pick|see|leave|hit))",
    r"(?:i|just) (?:want|wanna|wanted) (?:it|this|everything|the pain|all of it|it all) (?:to )?"
    r"(?:end|stop|be over)(?: for good| forever| permanently| already| now)?(?= *(?:[,.]|$|for good|forever))",
    r"(?:want|wanna|wanted|need|needed) (?:someone|somebody|god) to (?:just )?(?:kill|take) me",
)
add(
    "suicide.going_to_die",
    PASSIVE,
    SUICIDE,
    r"(?:going to|gonna|about to|will) (?:<ADV>)?die(?= *(?:[,.]|$|tonight|today|soon|tomorrow|alone|and|by|this))",
    hypothetical=True,
)

# --------------------------------------------------------------------------- burdensomeness, hopelessness
add(
    "suicide.burden",
    BURDEN,
    SUICIDE,
    r"(?:everyone|everybody|they|people|my family|my kids|the world|world|all of them|they all|he|she|"
    r"my (?:\w+ )?(?:mom|dad|parents|wife|husband|partner|kids|children|friends)|it|things|life) "
    r"(?:d|would|will|would all|will all|d all|would honestly|is|are|s|would be|will be)? ?(?:be |have it |have things )?"
    r"(?:so much |way |a lot |much )?(?:better|happier|easier|better off|lighter) (?:off )?"
    r"(?:without me|if i (?:was|were|wasnt|was not|werent|were not|m|am) (?:not )?(?:gone|dead|here|around|"
    r"alive|in it)|when i (?:am|m) gone|once i (?:am|m) gone|if i died|if i disappeared|with me gone|"
    r"after i (?:am|m) gone)",
    r"(?:i am|im|i feel like|feel like|feeling like|i feel|just) (?:such |a |nothing but a |only a |"
    r"just a |a huge |a massive |a total )*burden",
    r"burden (?:to|on|for) (?:everyone|everybody|my|all|the|literally)",
    r"(?:no one|nobody|noone|not a single person) (?:would|will|is going to|would even|will even|"
    r"would really|would ever) (?:even )?(?:miss|notice|care|cry|know|remember)"
    r"(?= *(?:[,.]|$|if|when|me|that|about))",
    r"(?:no one|nobody) (?:cares|would care|will care) (?:about me|if i|whether i)",
    r"(?:do not|dont) (?:think|believe) (?:anyone|anybody|a single person) (?:would|will) (?:even |really )?"
    r"(?:notice|care|miss me|cry)",
    r"(?:doubt|wonder if) (?:anyone|anybody) (?:would|will) (?:even |really )?(?:notice|care|miss me)",
)
add(
    "hopeless.core",
    HOPELESS,
    HOPELESSNESS,
    r"hopeless(?:ness)?(?! (?:romantic|at|with|case lol|cook))",
    r"(?:no|lost (?:all )?(?:my )?|losing (?:all )?|without|zero|out of) hope"
    r"(?! (?:of (?:winning|getting (?:tickets|a refund))|for (?:the (?:team|game|season)|this team)))",
    r"(?:there is |theres |there s )?no (?:point|reason|use|purpose) (?:in |to |of )?"
    r"(?:anything|living|life|trying|going on|it|it all|any of it|any of this|this|continuing|being alive|"
    r"existing|carrying on|me|recovery|getting sober|staying sober|getting better|fighting|even trying|"
    r"trying anymore|keep going|keeping going|being here|waking up|me being here|my life)"
    r"(?= *(?:[,.]|$|anymore|any more|at all|if|when|because|and|but|i|in|really|honestly|tbh|lol|though|man))",
    r"(?:there is |theres |there s |i see |see |i can not see )?no (?:point|reason|purpose)(?= *(?:[,.]|$|anymore|any more))",
    r"(?:do not|dont|can not|cant) (?:really )?(?:see|find|have) (?:much|any|a|the|a single) (?:reason|point|purpose) "
    r"(?:to|in|for) (?:keep going|keep living|keep trying|go on|going on|carry on|carrying on|continue|continuing|living|"
    r"life|being here|being alive|waking up|trying|get up|getting up|stay|staying)",
    r"(?:what is|whats|what s) (?:even |really )?the point(?: (?:of|in) (?:anything|living|life|it all|trying|"
    r"any of (?:it|this)|me|being alive|getting sober|recovery|staying sober|going on|even trying|waking up|"
    r"existing|being here|continuing|carrying on|fighting|getting better|getting clean|staying clean))?"
    r"(?= *(?:[,.]|$|anymore|any more|anyway|if|when|because|honestly|i|lol)(?! *(?:of|in)))",
    r"(?:do not|dont|can not|cant|could not|couldnt) (?:see|find) (?:the|any) (?:point|reason)"
    r"(?: (?:in|of|to) (?:anything|living|life|it|any of it|going on|trying|this))?(?= *(?:[,.]|$|anymore|any more))",
)
add(
    "hopeless.cannot_go_on",
    HOPELESS,
    HOPELESSNESS,
    r"(?:can not|cant|could not|couldnt|unable to|no longer) (?:<ADV>)?(?:go on|keep going|do this|take it|take this|"
    r"handle (?:it|this|anything|life)|cope|carry on|continue|live like this|keep living|keep doing this|"
    r"deal with (?:it|this|anything|life)|bear it|stand it|do it|keep fighting|fight anymore|"
    r"fight this|be here|keep pretending|do life|take much more|take any more|take anymore|"
    r"survive this|get through this|hold on|hang on)"
    r"(?= *(?:[,.]|$|anymore|any more|no more|much longer|like this|alone|lol|i|everything|it|please|"
    r"and|but|because|tonight|today|without|man|at all))",
    r"(?:can not|cant|could not|couldnt) (?:<ADV>)?(?:anymore|any more|no more)(?= *(?:[,.]|$|i|and|but|please))",
    r"(?:do not|dont) know how (?:much|many) (?:longer|more) i can (?:\w+ ){0,3}?"
    r"(?:do this|keep|take|hold|go|handle|last|survive|cope|fight|pretend|live|keep going|keep pretending)",
    r"how (?:much|many) (?:longer|more) (?:can i|i can) (?:\w+ ){0,2}?(?:do this|keep|take|hold|go|handle|"
    r"last|survive|cope|fight|pretend|live)",
)
add(
    "hopeless.give_up",
    HOPELESS,
    HOPELESSNESS,
    r"(?:i|im|i am|just|ready to|going to|want to|wanna|about to|think i will|might|finally) "
    r"(?:<ADV>)?(?:give|giving|gave) up(?: on (?:life|everything|myself|recovery|living|it all|all of it|"
    r"all|trying|me|sobriety|getting better|getting sober|staying sober|the fight|fighting))?"
    r"(?= *(?:[,.]|$|on (?:life|everything|myself|recovery|living|it all|all)|and|but|so|i |lol|"
    r"tonight|today|anymore))",
)
add(
    "hopeless.worthless",
    HOPELESS,
    HOPELESSNESS,
    r"(?:i am|im|i feel|feel|feeling|i m|i was born|always be|will always be|ill always be|"
    r"i will always be|am just|just) (?:<ADV>)?(?:so |completely |totally |such |utterly |absolutely |"
    r"fucking |a |an |just )*(?:worthless|useless|a waste of (?:space|air|oxygen|life)|pathetic|"
    r"trapped|a lost cause|beyond help|unfixable|beyond saving|broken beyond repair|a mistake)",
    r"(?:worthless|useless) (?:piece of (?:shit|crap)|human|person|waste)",
)
add(
    "hopeless.no_way_out",
    HOPELESS,
    HOPELESSNESS,
    r"(?:no|not any|can not see a|cant see a|do not see a|dont see a|cant find a|can not find a|"
    r"there is no|theres no) way (?:out|forward|back|through)",
    r"(?:no|do not see a|dont see a|can not see a|cant see a|do not have a|dont have a) future"
    r"(?: for me| for myself| ahead| anymore| at all)?(?= *(?:[,.]|$|for|ahead|anymore|at all|and|but))",
    r"(?:do not|dont|can not|cant) see (?:a|any) future(?: for (?:me|myself))?",
    r"no light at the end",
    r"(?:nothing|none of it|none of this|nothing really) matters(?: anymore| any more)?(?= *(?:[,.]|$|anymore|and|but|lol))",
    r"(?:i have|i ve got|ive got|i got|i have got|there is|theres) (?:no one|nobody|nothing|no reason) "
    r"(?:left|to live for|and nothing left|and nobody)",
    r"(?:i have|have) no one and nothing",
    r"(?:everything|my life|my whole life|it all|life) is (?:falling apart|ruined|over|pointless|meaningless)"
    r"(?= *(?:[,.]|$|and|but|i))",
)
add(
    "hopeless.never_better",
    HOPELESS,
    HOPELESSNESS,
    r"(?:nothing|it|things|life|this|my life) (?:is|will|s|are) (?:<ADV>)?(?:never|not|ever) "
    r"(?:ever |going to |gonna |really )*(?:get|getting|change|changing|improve|improving|be) "
    r"(?:any )?(?:better|different|okay|ok|fine)(?= *(?:[,.]|$|for me|and|but|i|lol|ever))",
    r"(?:nothing|it) (?:is )?(?:ever )?(?:going to|will|is gonna) (?:ever )?(?:get|be|change|improve)"
    r"(?: (?:any )?(?:better|different))?(?= *(?:[,.]|$|for me|and|but|i|lol|ever))",
    r"(?:never|not) (?:going to|gonna) get better",
)
add(
    "hopeless.done",
    HOPELESS,
    HOPELESSNESS,
    r"(?:i am|im|i m) (?:<ADV>)?(?:so |just |completely |fucking |totally |really )*done(?= *(?:[.]|$|with (?:everything|it all|all of it|life|trying|fighting|this life|people|myself|living)))",
    r"(?:so|completely|totally|just) done with (?:everything|it all|all of it|this life)",
    r"(?:i am|im|i m) (?:<ADV>)?done (?:fighting|trying|pretending|struggling|being strong|with everything)",
    r"why (?:even )?(?:bother|keep trying|try anymore|am i (?:even )?(?:here|alive|trying))(?= *(?:[,.]|$|anymore|\w))",
    r"(?:life|everything|it all|my life|living|existence|recovery) (?:is|feels|seems|has become|s) "
    r"(?:so |just |completely |totally |kind of |kinda )?(?:pointless|meaningless|empty|not worth it|a waste)",
    r"(?:tired|sick|exhausted) of (?:fighting|trying|struggling|everything|it all|being me|pretending)"
    r"(?: (?:this|it|so hard|all the time))?(?= *(?:[,.]|$|and|but|i|so|anymore|lol|every|all|each|for so long|day after))",
    r"hate (?:my life|my existence|being alive|living|existing)",
)

# --------------------------------------------------------------------------- preparations and plans
add(
    "prep.note",
    FAREWELL,
    SUICIDE,
    r"(?:suicide|goodbye|good bye|farewell) (?:note|notes|letter|letters|message|messages|video|post|texts?)"
    r"(?! (?:to|for) (?:alcohol|drinking|booze|drugs|using|my addiction|addiction|the bottle|weed|meth|heroin|cocaine|"
    r"pills|smoking|cigarettes|vaping|my old (?:self|life|job|apartment|house)|the old me|my ex|my eating disorder|"
    r"self harm|the city|my job|my team|my class|my students|the group|my coworkers))",
)
add(
    "prep.letters_to",
    PREP,
    SUICIDE,
    r"(?:wrote|written|writing|write|left|leaving|finished|typed|typing|sent) (?:out )?(?:\w+ ){0,4}?"
    r"(?:letters?|notes?|envelopes?) (?:\w+ ){0,2}?(?:to|for) (?:each of |all of |both of |every one of )?"
    r"(?:my |everyone|everybody|all|the people|the ones|them)",
    r"(?:wrote|written|writing|write|left|leaving|finished) (?:a |one )?(?:letter|note|letters|notes) (?:to |for )?"
    r"(?:each of|every one of|all of|both of|everyone|everybody|each)",
    r"(?:wrote|written|writing|left|leaving|finished writing|typed) (?:my |each of my |both my )?(?:\w+ )?"
    r"(?:mom|mum|mother|dad|father|kids|children|son|daughter|wife|husband|partner|sister|sisters|brother|brothers|"
    r"parents|family|grandma|grandpa|boyfriend|girlfriend|boys|girls|everyone|everybody) (?:and (?:my )?\w+ )?"
    r"(?:a |an |some )?(?:long |short |last |final )?(?:letter|letters|note|notes)",
    unless=r"thank you|thank you notes|thanks|christmas|birthday|holiday|valentine|mothers day|fathers day|"
    r"wedding|graduation|future self|younger self|older self|future me|past self|therapy|therapist|assignment|"
    r"homework|class|grocery|shopping|dishes|chore|chores|reminder|recommendation|cover letter|school|teacher|"
    r"permission|excuse|sick note|camp|penpal|pen pal|prison|jail|deployment|step (?:work|nine|9|eight|8)|amends",
)
add(
    "prep.letters_family",
    PREP,
    SUICIDE,
    r"(?:wrote|written|writing|write|left|leaving|finished|typed|typing) (?:out )?(?:a |the |my |some |two |three |"
    r"all the |all my )?(?:note|notes|letter|letters)(?: (?:to|for) (?:my |each of my |everyone|all|my whole |"
    r"both |all of )?(?:\w+ )?(?:family|mom|mum|mother|dad|father|kids|children|son|daughter|wife|husband|"
    r"partner|sister|sisters|brother|brothers|parents|friends|everyone|loved ones|grandma|grandpa|boyfriend|"
    r"girlfriend))?(?= *(?:[,.]|$|to|for|and|tonight|today|already))(?! to (?:my )?(?:younger|future|older|past) self)",
)
add(
    "prep.this_is_goodbye",
    FAREWELL,
    SUICIDE,
    r"this is (?:my )?(?:goodbye|good bye|farewell|it for me|the end for me|my last night(?! (?:in|at) (?:the|my|our) (?!world)))"
    r"(?! to (?:alcohol|drinking|booze|drugs|using|my old|the old|smoking|weed|pills|the bottle|that life|"
    r"cigarettes|vaping|this job|the city|my ex))",
    r"(?:goodbye|good bye|bye) (?:forever|world|cruel world)(?= *(?:[,.]|$))",
    r"(?:last|final) time (?:you|anyone|anybody|you all|yall) (?:will )?(?:hear|see|read)"
    r"(?! me (?:complain|say|talk|whine|mention|ask|rant|moan|bitch|brag|sing|cry|laugh|use|drink|smoke|post about))",
    r"by the time (?:you|anyone|anybody|someone|they|people|my \w+) (?:read|reads|see|sees|find|finds|get|gets|"
    r"hear|hears) (?:this|these)",
)
add(
    "prep.last_message",
    FAREWELL,
    SUICIDE,
    r"(?:this is |this will be |this ll be |its |it is |here is |heres )?(?:my |the )?(?:very )?(?:last|final) "
    r"(?:post|message|messages|text|texts|words|goodbye|entry|note|letter|letters|video|"
    r"thing i (?:will |ll )?(?:post|say|write|send))"
    r"(?: (?:i will ever |i ll ever |i ever )?(?:post|write|send|say))?"
    r"(?: (?:here|ever|on here|to (?:you all|everyone|anyone|anybody|you guys|yall|you|the group|this group)))*"
    r"(?= *(?:[,.]|$|here|ever|on here|to|i love|thank|goodbye|bye))",
    unless=r"see (?:you|yall|u|ya|everyone|you all|you guys)|going to bed|heading to bed|off to bed|tomorrow|"
    r"log(?:ging)? off|talk (?:soon|later|tomorrow)|for (?:the night|today|tonight|now|a while|the day|this week)|"
    r"before (?:bed|i sleep|work|the meeting)|ttyl|on this (?:topic|thread)|until|till|of the (?:day|night|year)|"
    r"cigarette|smoke|drink|beer|shift|day at|week at|exam|class|semester|thread|convo|conversation|dms|dm|"
    r"comment|comments|year|of 20\d\d|for 20\d\d",
)
add(
    "prep.not_a_problem_long",
    FAREWELL,
    SUICIDE,
    r"(?:i )?(?:will not|am not going to|will not have to|will no longer|do not (?:intend|plan|want|mean) to|"
    r"do not plan on) (?:be )?(?:a |an |anyone |anybody |everyone |your |"
    r"their |yall )?(?:problem|burden|bother|nuisance|trouble|worry|pain)(?: (?:to|for|on) (?:anyone|anybody|you|"
    r"everyone|you all|yall|you guys|my \w+|them))? (?:for )?(?:much longer|long|anymore|any more|soon|after (?:tonight|"
    r"today|this))",
    r"(?:soon|after tonight|after today|tomorrow) i (?:will not|am not going to) (?:be )?(?:a |an |anyone |anybody |"
    r"everyone |your |their )?(?:problem|burden|bother|nuisance|worry)",
    r"i (?:will not|am not going to) be (?:around|here) (?:to (?:\w+ ){1,2}?(?:anyone|anybody|you|everyone|you all|"
    r"yall|you guys|them) )(?:much longer|for long|soon|anymore|after (?:tonight|today))",
    r"(?:you|you all|yall|anyone|nobody|no one|everyone) (?:will not|will never|are not going to|is not going to) "
    r"(?:ever )?(?:hear from|see|have to deal with|have to worry about) me (?:again|after (?:tonight|today|this)|"
    r"anymore|any more)(?! (?:for|until|till|til|this|over|while))",
    unless=r"camping|vacation|holiday|trip|retreat|offline|detox|rehab|no signal|no service|no wifi|hospital|inpatient|"
    r"treatment|deleting (?:the|this) app|taking a break|new job|moving|moved|hike|hiking|cruise",
)
add(
    "prep.good_home",
    FAREWELL,
    SUICIDE,
    r"(?:make sure|made sure|making sure|promise|find|gets|get|goes to|go to|finds) (?:that )?(?:\w+ ){0,4}?"
    r"(?:a )?(?:good|loving|forever) (?:home|family|owner|owners)(?: for (?:my|our) \w+)?",
    r"(?:someone|somebody|you|please) (?:\w+ ){0,2}?(?:take|adopt|keep|look after) (?:my|our) "
    r"(?:dog|cat|pets?|bird|fish|rabbit|hamster|puppy|kitten)(?: (?:for me|when|after|once))",
    unless=r"moving|move|new (?:apartment|place|lease|landlord|job)|landlord|rehom\w*|allerg\w*|foster\w*|"
    r"kittens|puppies|litter|adopt(?:ed|ing)? (?:a|another|one)|shelter|no pets|pet policy|deploy\w*|military|"
    r"pet sitter|sitting|vacation|trip|away|travel\w*",
)
add(
    "prep.when_gone",
    IMPLICIT,
    SUICIDE,
    r"(?:when|after|once) i (?:am|m) (?:gone|dead|not here|no longer here)",
    r"if (?:anything|something) (?:happens|should happen) to me",
    r"i (?:will not|am not going to) be here(?= *(?:[,.]|$|anymore|any more|for (?:them|her|him|it)))",
    r"(?:will not|do not|am not going to|never going to) (?:be )?(?:need|needing) (?:it|them|any of (?:it|this|that|them)|"
    r"those|these|that|this|my \w+|much)(?: (?:anymore|any more|where i am going|after (?:tonight|today|this)|soon))?"
    r"(?= *(?:[,.]|$|anymore|any more|where|after|soon))",
    r"where i am going",
)
add(
    "prep.secret_purpose",
    IMPLICIT,
    SUICIDE,
    r"(?:you|u|yall|you all|you guys|everyone|anyone) (?:can |could |probably |prob |might |already |all )*"
    r"(?:guess|imagine|figure out|know|knows) (?:the rest|what (?:it is |they are |that is )?for|why|what for|"
    r"what i am (?:going to|planning to) do(?: with (?:it|them))?|what comes next|what happens next)"
    r"(?! (?:about|to))",
    r"(?:does not|do not|did not|nobody|no one|noone) (?:\w+ )?(?:know|knows) (?:why|what (?:it is|they are) for|"
    r"where i (?:keep|hid|hide|put|stash))",
    r"not (?:planning (?:on |to )|going to |meant to |for |to )?(?:shave|shaving)",
    r"(?:and |then )+(?:it is|it will be|it will all be|everything is|everything will be|i am|i will be) "
    r"(?:all |finally )?(?:over|done|free|gone|at peace)(?= *(?:[,.]|$|for good|forever|finally))",
    alone=True,
)
add(
    "prep.privacy",
    SOFT_PREP,
    SUICIDE,
    r"(?:everyone|everybody|the house|the kids|they|my (?:\w+ )?(?:parents|wife|husband|partner|roommate|roommates|"
    r"family|mom|dad|mum|kids|girlfriend|boyfriend)) (?:is |are |has |have |went |s )?(?:finally |all |already |now )*"
    r"(?:asleep|gone to bed|in bed|went to bed|sleeping|gone|out|away|quiet|empty|left|passed out)"
    r"(?= *(?:[,.]|$|now|finally|and|so|for))",
    r"(?:house|apartment|place) is (?:finally |so |all )?(?:quiet|empty|mine)(?= *(?:[,.]|$|now|and))",
    r"(?:waiting|wait) (?:for|until|till|til) (?:everyone|everybody|them|the kids|my (?:\w+ )?(?:parents|wife|husband|"
    r"partner|roommate|family|mom|dad|mum)) (?:to )?(?:fall asleep|go to (?:bed|sleep)|falls asleep|goes to (?:bed|sleep)|"
    r"leave|leaves|are asleep|is asleep)",
    r"(?:home|house) alone (?:tonight|all weekend|this weekend)",
    r"before (?:anyone|anybody|everyone|everybody|they|the kids|my (?:\w+ )?(?:parents|wife|husband|partner|roommate|"
    r"family|mom|dad|kids)) (?:wakes|wake|gets|get|is|are) up",
)
add(
    "prep.placed_to_be_found",
    SOFT_PREP,
    SUICIDE,
    r"(?:put|left|leave|leaving|placed|hid|tucked|sealed|slid) (?:it|them|the (?:letters?|notes?|envelopes?)|"
    r"(?:a |the )?(?:letter|note|letters|notes|envelope|envelopes))? ?(?:in|on|under|inside|by) "
    r"(?:the |my |her |his |their |our )?(?:drawer|desk|table|kitchen table|pillow|bed|door|nightstand|dresser|"
    r"glovebox|glove box|mailbox|counter|envelope|envelopes|fridge|car)",
    r"(?:sealed|addressed|stamped) (?:them|it|the (?:letters?|notes?|envelopes?))",
    r"the (?:letter|letters|note|notes|envelope|envelopes) (?:is |are |s )?(?:in|on|under|inside) (?:the |my )?(?:\w+ )?"
    r"(?:drawer|desk|table|pillow|nightstand|dresser|glovebox|counter|fridge|bed)",
    r"(?:they are|it is|the (?:letters?|notes?|envelopes?) (?:is|are)) (?:all )?(?:in|on|under|inside) "
    r"(?:the |my |her |his |their |our )?(?:drawer|desk|kitchen table|pillow|nightstand|dresser|glovebox|"
    r"glove box|mailbox|envelope|envelopes)",
    r"(?:she|he|they|you|everyone|my \w+) (?:will|ll|is going to|are going to) (?:\w+ )?(?:find|read|get) "
    r"(?:it|them|the (?:letters?|notes?)) (?:in the morning|tomorrow|later|when|after|soon|eventually|someday)",
    r"(?:she|he|they|you|everyone|my \w+|she will|he will|they will) (?:will |ll |would )?(?:understand|forgive me) "
    r"(?:eventually|someday|some day|one day|why|in time|later)",
)
add(
    "prep.gone",
    FAREWELL,
    SUICIDE,
    r"(?:i will|i am going to|i am gonna|i ll|i will be|i ll be|i am) (?:already )?(?:be )?gone (?:by|tomorrow|soon|"
    r"tonight|before|forever|for good|after tonight|in the morning)",
    r"(?:will not|not going to|am not going to|wont|not gonna) (?:be )?(?:alive|breathing|living|here anymore|"
    r"around anymore|here much longer|around much longer|here for much longer|around for much longer|"
    r"here after tonight|around after tonight|here by morning|around by morning|here tomorrow|around tomorrow)"
    r"(?! (?:for|at|because) (?:the |my |group|the meeting|work|class|a few days|a while))",
    r"(?:will not|not going to|am not going to|wont|not gonna) be (?:alive|breathing) (?:by|after|tomorrow|much longer|for long|next|in the morning)",
    r"(?:made|making|make) sure (?:that )?i (?:will not|wont|do not|dont|never|am not going to|will never)"
    r"(?: (?:wake up|be here|survive|make it|come back|be found in time))?(?= *(?:[,.]|$))",
    r"(?:not going to|will not|do not think i will|do not think i am going to|not gonna|wont) make it "
    r"(?:through|to|past|until|till|til|thru) (?:tonight|the night|tomorrow|morning|the morning|the weekend|"
    r"sunday|monday|tuesday|wednesday|thursday|friday|saturday|next week|my birthday)",
)
add(
    "prep.said_goodbyes",
    FAREWELL,
    SUICIDE,
    r"(?:said|say|saying|said all) my goodbyes",
    r"(?:(?:just )?(?:wanted|want|needed|need) to )?(?:said|say|saying) (?:my )?(?:goodbye|goodbyes|bye) to "
    r"(?:everyone|everybody|all of you|you all|the world|yall|you guys)(?! (?:at|from|in|on|before (?:the|my) "
    r"(?:trip|move|flight|vacation)))",
)
add(
    "prep.goodbye",
    SOFT_PREP,
    SUICIDE,
    r"(?:said|say|saying) goodbye to (?:my )?(?:family|kids|mom|mum|dad|friends|loved ones|sister|brother|parents)",
    r"(?:goodbye|good bye|bye) (?:everyone|everybody|all|guys|friends|yall|you all)(?= *(?:[,.]|$|i love))",
    r"(?:posted|sent|wrote|left|texted|messaged) (?:me |us |everyone )?(?:a |her |his |their )?(?:goodbye|farewell)",
    r"(?:goodbye|farewell)(?= *$)",
    r"(?:goodbye|farewell)(?= *[,.])",
    r"take care of (?:yourself|yourselves|each other|one another|urself)(?= *(?:[,.]|$))",
)
add(
    "prep.love_you",
    SOFT_PREP,
    SUICIDE,
    r"i love (?:you all|you guys|yall|everyone|all of you|you so much|you)(?= *(?:[,.]|$))",
)
add(
    "prep.tell_them",
    PREP,
    SUICIDE,
    r"(?:tell|let) (?:my )?(?:mom|mum|mother|dad|father|family|kids|wife|husband|sister|brother|parents|"
    r"everyone|them|him|her|my \w+) (?:that )?i (?:love|loved|am sorry|m sorry|was sorry|never meant)",
    r"(?:mommy|daddy|mama|papa|mom|dad|mum|mother|father) (?:loved|will always love|always loved|will love) (?:you|them|you all|"
    r"her|him)"
    r"(?= *(?:[,.]|$|so much|very much|more))",
)
add(
    "prep.sorry",
    SOFT_PREP,
    SUICIDE,
    r"(?:i am |im |i m )?(?:so )?sorry (?:for everything|for all of it|for being (?:a burden|like this)|"
    r"mom|mum|dad|everyone|guys|to everyone)(?= *(?:[,.]|$))",
)
add(
    "prep.thanks",
    SOFT_PREP,
    SUICIDE,
    r"(?:thank you|thanks) for (?:everything|trying|all you did|all youve done|all you have done)"
    r"(?= *(?:[,.]|$|man|guys|everyone))",
)
add(
    "prep.take_care",
    PREP,
    SUICIDE,
    r"(?:please )?take care of (?:my |our )?(?:\w+ )?(?:dog|cat|kids|children|baby|pets?|plants|fish|bird|son|"
    r"daughter|mom|\w+) for me",
)
add(
    "prep.make_sure_mine",
    PREP,
    SUICIDE,
    r"(?:make sure|making sure|promise) (?:that )?(?:my|our) (?:\w+ )?(?:kids|children|son|daughter|baby|babies|dog|"
    r"cat|pets?|boys|girls|little \w+) (?:gets?|goes|go|are|is|will be|get to) (?:to|taken care of|looked after|"
    r"raised|loved|okay|ok|safe|alright|fed)",
)
add(
    "prep.dont_stop_me",
    PREP,
    SUICIDE,
    r"(?:do not|dont) (?:try to |come )?(?:stop|find|look for|save|come looking for|come after) me",
)
add(
    "prep.peace",
    PREP,
    SUICIDE,
    r"(?:made|making|make) (?:my )?peace(?: with (?:it|everything|my decision|god|dying|death|leaving))?(?= *(?:[,.]|$|with))",
    r"at peace with (?:my|the|this) (?:decision|choice)",
    r"at peace with (?:it|that|dying|death|leaving|going)(?= *(?:[,.]|$|and|now))",
)
add(
    "prep.before_i_go",
    PREP,
    SUICIDE,
    r"before i (?:go|die|leave this world|am gone|m gone|check out)(?= *(?:[,.]|$))",
    r"(?:last|final) things? (?:i )?(?:needed|need|have|had|got) to (?:sort out|do|take care of|finish|sort|settle)",
)
add(
    "prep.everything_needed",
    PREP,
    SUICIDE,
    r"(?:bought|got|have|gathered|collected|found) (?:everything|all the stuff|all i need|what i need) "
    r"(?:i need|i needed|i ll need|i will need)?(?= *(?:[,.]|$|and|to|for))",
    r"(?:have|got) everything (?:ready|set up|prepared|in place|lined up)",
    r"everything is (?:ready|set up|prepared|in place)(?= *(?:[,.]|$|and|now))",
)
add(
    "prep.unreachable",
    PREP,
    SUICIDE,
    r"(?:phone|cell|mobile) (?:is |was |went |goes |has been |s )?(?:off|dead|switched off|straight to voicemail)",
    r"(?:is not|isnt|not|will not|wont|can not|cant|stopped|has stopped) (?:answering|picking up|answer|pick up|"
    r"responding|replying|reply)(?: (?:her|his|their|the|my) (?:phone|texts|calls|door))?(?= *(?:[,.]|$|and|me|to|now|"
    r"anymore|since))",
    r"(?:can not|cant|could not|couldnt) (?:reach|get (?:ahold|a hold|hold) of|get through to|find) (?:him|her|them)",
)
add(
    "prep.previous_attempt",
    IMPLICIT,
    SUICIDE,
    r"(?:tried|attempted) (?:it |this )?(?:before|once before|twice before|last year|last time)(?= *(?:[,.]|$|and|but))",
    r"(?:last|the last) time i tried",
    alone=True,
)
add(
    "prep.give_away",
    PREP,
    SUICIDE,
    r"(?:gave|giving|give|given|gotten rid of|got rid of|getting rid of) (?:away )?(?:all (?:of )?)?"
    r"(?:my|his|her) (?:\w+ ){0,2}?(?:things|stuff|belongings|possessions|plants|records|clothes|books|"
    r"cat|dog|pets?|guitar|jewelry|jewellery|games|collection|savings|money|bike|car|vinyl|art|paintings|"
    r"camera|laptop|tools|hoodies|favorite)(?! (?:to (?:goodwill|charity|the shelter|a shelter|the thrift|donation)))",
    r"(?:gave|giving|give) (?:away )?(?:my|his|her) (?:\w+ ){0,2}?to (?:my )?(?:little |big |baby |younger |older |best )?"
    r"(?:nephew|niece|sister|brother|"
    r"friend|neighbor|neighbour|mom|dad|son|daughter|cousin|roommate|best friend)",
    unless=r"bong|bongs|pipe|pipes|stash|paraphernalia|rig|lighter|vape|booze|liquor|in recovery|now that i am sober|"
    r"now that i am clean|sober now|clean now|moving|downsizing|declutter\w*|goodwill|charity|donat\w*|yard sale|garage sale",
)
add(
    "prep.affairs",
    PREP,
    SUICIDE,
    r"(?:put|putting|got|getting|have|had|sorted) (?:all )?(?:my )?affairs in order",
    r"(?:paid|paying|pay) off (?:all )?(?:of )?(?:my|the last of my) (?:debts|debt|bills|loans)(?! (?:finally|early|yay|lol))",
    r"(?:deleted|deleting|deactivated|deactivating|wiped) (?:all )?(?:of )?my (?:accounts|socials|social media|profiles|"
    r"instagram|facebook|snap|tiktok|twitter)(?= *(?:[,.]|$|and))",
    r"(?:paid|paying|pay) off (?:what i owe|everything i owe|every debt|all i owe)",
    r"(?:closed|closing|cancelled|canceled|cancelling|canceling) (?:all )?(?:my|all my) (?:bank accounts?|accounts|"
    r"subscriptions|phone plan|memberships)",
    r"(?:wrote|updated|made|finished|signed|writing|updating) (?:my|a) (?:will|last will)(?= *(?:[,.]|$|and|today|yesterday|last|"
    r"this|tonight|at \d+))",
    r"everything is (?:in order|sorted|taken care of|ready)(?= *(?:[,.]|$))",
)
add(
    "prep.decided",
    TIMING,
    SUICIDE,
    r"(?:i have|ive|i|i ve) (?:finally )?(?:made|have made) (?:my|the|a|up my) (?:decision|mind)(?= *(?:[,.]|$|and|now))",
    r"(?:i have|ive|i|i ve) (?:finally )?decided(?= *(?:[,.]|$|how|when|where))",
    r"(?:it is|its|it s|it has been) (?:decided|settled)(?= *(?:[,.]|$))",
)
add(
    "prep.the_day",
    TIMING,
    SUICIDE,
    r"(?:it is|its|it s) time(?= *(?:[,.]|$))",
    r"the time has come",
    r"(?:tonight|today|tomorrow|this|sunday|monday|tuesday|wednesday|thursday|friday|saturday|it|this weekend) "
    r"(?:is |will be )?the (?:night|day)(?= *(?:[,.]|$))",
    r"this is the (?:night|day|moment)(?= *(?:[,.]|$))",
    r"(?:it is|its) (?:happening|going to happen) (?:tonight|today|tomorrow|soon|this week)",
    r"(?:tonight|today|tomorrow|this) is it(?: for me)?(?= *(?:[,.]|$))",
)
add(
    "prep.plan",
    PLAN,
    SUICIDE,
    r"(?:i have|ive got|i got|have|got|made|make|making|figured out|came up with|worked out|i have got) "
    r"(?:a|the|my) plan(?= *(?:[,.]|$|for (?:how|when|it|tonight|that|this|ending|killing|doing)|and|to (?:end|die|kill|do it)))",
    r"(?:decided|figured out|planned|picked|chose|know|worked out|planning) (?:exactly )?(?:how|when|where)"
    r"(?: and (?:how|when|where))? (?:i am going to|im going to|i will|i ll|to|i want to|it will|i would|i d)",
)
add(
    "prep.planning_death",
    FAREWELL,
    SUICIDE,
    r"(?:planning|planned|plan|plotting|planning out) (?:my|the) (?:own )?(?:suicide|death|exit|way out|funeral|end)",
)
add(
    "prep.implicit",
    IMPLICIT,
    SUICIDE,
    r"(?:going to|about to|finally going to|ready to|will|gonna|finally|am|i am) (?:finally )?"
    r"(?:do it|doing it|go through with it|going through with it|went through with it|follow through)"
    r"(?! (?:again|together|right|well|better|for (?:the|my) (?:kids|team|family|job|class|work)|later|first|properly|with))",
    r"this time (?:i mean it|for real|is different|i (?:will not|wont|am not going to) (?:fail|mess (?:it|this) up|"
    r"screw (?:it|this) up|chicken out|back out|stop)|it will work|i am not (?:coming|climbing|going) back|"
    r"no one can stop me|nothing will stop me)",
    r"i mean it this time",
    r"(?:nothing|nobody|no one) (?:is|can|will) (?:stopping|stop) me(?: this time)?",
    r"(?:not|no) (?:coming|climbing|going) back (?:this time|down)",
)
add(
    "prep.research",
    RESEARCH,
    SUICIDE,
    r"(?:researching|researched|looked up|look up|looking up|googling|googled|searching|searched|reading about|"
    r"read up on|read about) (?:how (?:many|much) (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:<PILLS> )?(?:it (?:would |will )?takes? to|it (?:would|will) take|to take|would kill|to die|"
    r"to overdose|is lethal|is fatal|would be enough)|(?:the )?(?:lethal|fatal) dose|ways to (?:die|kill myself|end it)|"
    r"how to (?:kill myself|die|tie a noose|hang myself|overdose|end it)|painless ways|the (?:<HEIGHT>)|how (?:high|tall)|"
    r"(?:which|what) (?:<HEIGHT>))",
    alone=True,
)
add(
    "prep.lethal_dose",
    MEANS_STRONG,
    SUICIDE,
    r"how (?:many|much) (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:<PILLS> )?(?:it (?:would|will) take|would kill (?:me|someone)|"
    r"it (?:would |will )?takes? to (?:die|kill|shut|overdose|stop (?:your|my|the) heart|destroy|fry|wreck)|"
    r"to (?:die|overdose)|is (?:lethal|fatal))(?! (?:to (?:get|feel|sleep|help|work)|for (?:a|the|my) (?:headache|cold|pain|fever)))",
    r"(?:lethal|fatal) dose",
    r"(?:what|which|how big a) (?:dose|amount)(?: of (?:\w+ )?\w+)? (?:is|would be|will be|it takes to be) (?:lethal|fatal|deadly)",
)
add(
    "safety.not_safe",
    SAFETY,
    SUICIDE,
    r"(?:do not|dont|not|no longer) (?:feel )?safe (?:with|around|from) <SELF>",
    r"(?:i am|im|feeling|i feel|feel) (?:not |un)safe(?: with myself| tonight| right now| alone)"
    r"(?= *(?:[,.]|$|and|but|i|tonight|right now|please))",
    r"(?:can not|cant|could not|couldnt|do not think i can|dont think i can|not sure i can) (?:stay|keep myself|be) "
    r"(?:safe|alive)",
    r"(?:can not|cant|could not|couldnt) (?:promise|guarantee|say|swear) (?:that )?(?:i will|i ll|i can|"
    r"i am going to|im going to|i ll|i)? ?(?:be|stay|keep myself|will be) (?:safe|alive)",
    r"(?:i am|im|i m) not (?:going to be )?safe(?= *(?:[,.]|$|tonight|right now|now|alone|anymore|with myself|and|please))",
    r"(?:do not|dont) (?:think|know if) i (?:can|will|am going to) (?:stay|keep myself|be) (?:safe|alive)",
    r"(?:can not|cant|could not|couldnt) (?:promise|guarantee|say|swear) (?:that )?(?:i will |i ll |i can |i am going to |i )?"
    r"(?:make it|last|survive) (?:through |past |until |till |to )?(?:the night|tonight|tomorrow|the weekend|morning)"
    r"(?= *(?:[,.]|$|and|alive|please|i))",
)

# --------------------------------------------------------------------------- means
add(
    "means.strong",
    MEANS_STRONG,
    SUICIDE,
    r"(?:loaded|cocked|unlocked) (?:a |the |my |my (?:\w+ )?(?:dad|dads|fathers|moms|brothers|uncles) |his |her |dads |the )?"
    r"(?:gun|pistol|rifle|shotgun|revolver|glock|handgun)",
    r"(?:gun|pistol|rifle|shotgun|revolver|glock|handgun) (?:is |sitting |right )?(?:loaded|cocked)",
    r"(?:gun|pistol|rifle|shotgun|revolver|glock|handgun)(?: \w+){0,10}? and i (?:just )?loaded (?:it|him|her)",
    r"(?:made|tied|making|tying|hung|hanging|set up|setting up|bought|got|have|has) (?:a |the |my )?noose",
    r"(?:rope|noose|belt|cord) (?:is )?(?:tied|hung|set up|ready|around my neck|on the (?:beam|rafter|door))",
    r"(?:stockpil\w*|hoard\w*|saving|saved|collecting|collected|stashing|stashed|hiding|hid|squirreling|"
    r"squirrelling|storing|stored|stocking|stocked|building|built|piling|piled|putting aside|put aside|setting aside|"
    r"set aside|holding back|held back|keeping back|kept back) (?:up |away )?(?:on )?(?:my |all my |some |enough |a bunch of |all of my |extra |"
    r"all the |the )?(?:<PILLS>)(?! (?:for (?:the trip|travel|vacation|my trip)|in the cabinet))",
    r"enough (?:<PILLS>) (?:to (?:die|kill|end|overdose|not wake up|do it|do the job)|saved|stashed|now|"
    r"left|put away)",
    r"(?:count|counting|counted) (?:out )?(?:my |the |all my |all the |all of my |every |each |every single )?(?:<PILLS>|pill)"
    r"(?! (?:(?:into|in|for|to) (?:\w+ ){0,3}?(?:organi[sz]er|organi[sz]ers|pill ?box|pill ?boxes|dosette|tray|case|week|weekly|"
    r"grandma|grandpa|grandmother|grandfather|patients?|residents?|clients?)))",
    r"(?:<PILLS>) (?:that )?(?:i|i have|i had) (?:been )?(?:saved|saving|stashed|stashing|hoarded|hoarding|collected|"
    r"collecting|stockpiled|stockpiling|put aside|set aside|squirreled away|kept)",
    r"(?:<PILLS>) (?:all )?(?:lined up|laid out|counted out|ready to go|ready)",
    r"(?:standing|sitting|sat|stood|perched|balancing|leaning) (?:on|at|over) (?:the |a )?"
    r"(?:edge|ledge|railing|rail|parapet)(?: of)?",
)
add(
    "means.acquired_lethal",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:bought|buy|buying|got|picked up|pick up|picking up|borrowed|borrow|borrowing|took|stole|snuck|grabbed|"
    r"ordered|found|got my hands on|getting|tracked down) (?:myself )?(?:a |an |the |some |my |his |her |a length of |"
    r"a piece of |a new |(?:my )?(?:\w+ )?(?:dads|moms|uncles|grandpas|brothers|cousins|fathers|dad|mom|uncle|grandpa|"
    r"brother|cousin|father|roommates|neighbors) )*(?:old )?(?:gun|pistol|handgun|rifle|shotgun|revolver|glock|"
    r"firearm|rope|noose|ropes)(?! (?:range|safe|lock|license|licence|class|show|store|case|cleaning kit))",
    unless=r"range|hunt\w*|deer|duck|season|gun safe|lockbox|lock box|locked|lock it|safekeeping|safe keeping|"
    r"protection|self defense|defence|camping|camp|tent|kayak|canoe|boat|climbing|climb|tie (?:down|up)|clothesline|"
    r"swing|tow|moving|garden|laundry|halloween|costume|cosplay|prop|toy|nerf|water gun|glue gun|nail gun|"
    r"staple gun|heat gun|paintball|airsoft|jump rope|skipping|gym|crossfit|dog|leash|sailing|knot|knots|"
    r"his own|police|cop|cops|took it away|took (?:it|them) from (?:me|him|her)|gave it to|turned it in|"
    r"(?:he|she|they|my \w+) (?:bought|got|has|took)",
)
add(
    "means.at_hand",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:<MEANS>) (?:is |are )?(?:sitting |lying |laying |right |all )?(?:here|next to me|beside me|in front of me|"
    r"on my lap|in my lap|in (?:my|his|her|their) (?:hand|hands|lap|pocket|bag|backpack)|within reach|by my bed|"
    r"on (?:my|the) (?:bed|pillow|nightstand|lap))",
    r"(?:have|has|holding|got|hold|is holding) (?:\w+ ){0,4}?(?:<MEANS>) (?:\w+ ){0,2}?(?:in (?:my|his|her|their) "
    r"(?:hand|hands|lap)|next to (?:me|him|her|them)|in front of (?:me|him|her|them)|right here|on (?:my|his|her) lap|"
    r"beside me|with me right now)",
    r"(?:<MEANS>) (?:are |is )?(?:out|laid out|lined up|set out|spread out) (?:on|in) (?:the|my) (?:\w+ )?"
    r"(?:counter|table|desk|bed|sink|floor|nightstand|dresser)",
    r"(?:sitting|sat|lying|laying|i am|im) (?:here |in (?:the|my) (?:bath|bathtub|tub|car|garage|room) )?"
    r"with (?:a|the|my) (?:<MEANS>)",
    r"in the (?:bath|bathtub|tub|shower|garage|car) with (?:a|the|my) (?:<MEANS>)",
)
add(
    "means.have",
    MEANS_HAVE,
    SUICIDE,
    r"(?:i have|ive got|i got|i bought|bought|just bought|got|grabbed|holding|i am holding|found|have|has|"
    r"ordered|picked up|borrowed|stole|took|filled|refilled|got my hands on|"
    r"he has|she has|they have|there is|theres|there are|with) (?:a |an |the |my |some |all |all my |enough |"
    r"(?:\d+|all|half|most) of (?:my |the |his |her )|"
    r"all of my |a bottle of |a bunch of |a handful of |a box of |a pack of |my (?:\w+ )?(?:dads|moms|dad|mom) |"
    r"his |her |a whole |these |two |a new |a loaded |a sharp |the sharpest |\d+ |\w+s )*(?:<MEANS>)"
    r"(?! (?:license|licence|permit|safe|lock|class|range|show|store|shop|refill|organizer|organiser|case|rack|"
    r"appointment|review|with food))",
)
add(
    "means.enough_saved",
    MEANS_HAVE,
    SUICIDE,
    r"(?:have|got|finally have|finally got|there is|theres) enough (?:saved|stashed|stockpiled|stored|hidden|put away|"
    r"collected)(?: up| away)?(?= *(?:[,.]|$|now|and|to (?:do|end|die)))",
)
add(
    "means.heading_to",
    LOCATION,
    SUICIDE,
    r"(?:heading|headed|on my way|driving|drove|drove out|drove up|walking|walked|went|going|parked|i parked|climbed|"
    r"climbing|made my way|took the bus|took a cab|got a ride) (?:out |up |over |down |back )?(?:to|at|on|onto|up to|up on|"
    r"in front of) (?:the|a|this|that) (?:\w+ ){0,2}?(?:bridge|roof|rooftop|ledge|overpass|tracks|train tracks|railroad|"
    r"cliff|cliffs|quarry|pier|dam|parking garage|top floor|edge)(?! (?:with (?:my|friends|the kids|the family)|for (?:the|a) "
    r"(?:view|picture|photo|photos|sunset|sunrise|walk|run|hike|picnic|game)|club|game|lesson|tournament))",
)
add(
    "means.location",
    LOCATION,
    SUICIDE,
    r"(?:i am|im|i m|sitting|standing|i am standing|i am sitting|up) (?:here )?(?:on|at) (?:the |a |this |top of the |"
    r"top of a )?(?:bridge|roof|rooftop|ledge|edge|overpass|tracks|train tracks|cliff|top of (?:the|my) "
    r"(?:building|garage|parking garage))(?! (?:with (?:my|friends)|for (?:the|a) (?:view|picture|photo|sunset)))",
)

# --------------------------------------------------------------------------- self-harm
add(
    "sh.self",
    SH,
    SELF_HARM,
    r"(?:cut|cutting|cuts|cutted|slice|slicing|sliced|carve|carving|carved|scratch|scratching|scratched|burn|"
    r"burning|burned|burnt|hit|hitting|punch|punching|bang|banging|hurt|hurting|harm|harming|injure|injuring|"
    r"injured|punish|punishing|bruise|bruising|bite|biting|mutilate|mutilating) (?:<SELF>|<THEMSELF>)"
    r"(?! (?:at (?:the|work|practice|the gym)|in (?:the|a) (?:gym|kitchen|game|match|accident|crash)|during|while|"
    r"playing|lifting|running|working out|on (?:the|a|my) (?:stove|oven|pan|iron|grill|kettle|curling|hot|pot|"
    r"straightener|radiator|bike)|by accident|accidentally|skiing|falling|cooking|shaving|with (?:the|a) "
    r"(?:pan|kettle|iron|oven)|on accident|out of|off|out))",
    r"(?:cut|cutting|slice|slicing|sliced|carve|carving|carved|scratch|scratching|scratched|burn|burning|burned|burnt) "
    r"(?:my|his|her|their) (?:arms?|legs?|thighs?|skin|stomach|hips?|body|wrists?|veins?)"
    r"(?! (?:on (?:a|the) (?:fence|glass|nail|branch|paper|box)|shaving|open (?:on|at)))",
    r"(?:punch|punched|punching|hit|hitting|bang|banging|banged|slam|slamming|slammed|smash|smashing|smashed) (?:my )?(?:head|fists?|hand|"
    r"hands)? ?(?:against|into|on)? ?(?:the |a )?walls? (?:\w+ ){0,5}?(?:until|till|til|on purpose|to feel)",
    r"(?:brain|mind|head|thoughts?) (?:keeps |keep |is |are |will not stop |wont stop )?(?:telling|screaming at|yelling at|"
    r"begging) me (?:to|i should|that i should) (?:<ADV>)?(?:hurt|cut|smash|harm|burn|punch|bang|hit|bruise|scratch|"
    r"starve|bleed)",
    r"(?:scratch|scratching|scratched|pick|picking|picked|claw|clawing|clawed|dig|digging) (?:at )?(?:my|his|her) "
    r"(?:arms|skin|legs|face|wrists|thighs) (?:\w+ ){0,3}?(?:until|till|til|so) (?:they|it|i) (?:bleed|bled|bleeds|"
    r"bleeding|hurt|hurts|hurted)",
)
add(
    "sh.noun",
    SH,
    SELF_HARM,
    r"self (?:harm|harming|harmed|harmer|injury|injuring|injure|mutilation|mutilating|destruct|destructing)"
    r"(?! (?:awareness|prevention|research|training|support group|training|resources|scars? (?:do not|dont|are old)))",
)
add(
    "sh.cutting",
    SH,
    SELF_HARM,
    r"(?:can not stop|cant stop|keep|kept|been|started|start|back to|go back to|went back to|relapsed on|relapse on|"
    r"relapsed with|thinking about|want to|wanna|urge to|urges to|need to|started|stop|quit|quitting|stopped) "
    r"(?:<ADV>)?(?:cutting|burning|scratching)"
    r"(?! (?:back|down|out|off|carbs|sugar|ties|corners|class|coupons|hair|my hair|the|onions|it close|in line|loose|"
    r"people|them|him|her|grass|wood|paper|fabric|toenails|nails|my nails|calories|caffeine|coffee|alcohol|meat|dairy))",
    r"(?:cutting|cut|burning|harming) (?:again|once more)(?= *(?:[,.]|$|last|today|tonight|yesterday|after|and|i))",
    r"(?:relapsed|relapse|slipped) (?:on|with|into) (?:cutting|self harm|burning|scratching|harming)",
    r"(?:cut|cutting|self harm|burn|burning|harm) (?:urges|urge|cravings)",
)
add(
    "sh.urge",
    SH,
    SELF_HARM,
    r"(?:urge|urges|itch|itching|craving|cravings|temptation|tempted|want|wanting|wanna|need|needing|dying|"
    r"itchy) (?:to|for) (?:<ADV>)?(?:cut|bleed|burn|relapse on (?:self harm|cutting))(?! (?:back|down|out|off|carbs|"
    r"ties|corners|class|my hair|hair|the|loose|calories|coffee|caffeine|sugar))",
)
add(
    "sh.elliptical",
    SH,
    SELF_HARM,
    r"(?:want|wanna|need|needing|wanting|tempted) to(?= *(?:[,.]|$))",
    needs="sh_context",
)
add(
    "sh.severe",
    SH_SEVERE,
    SELF_HARM,
    r"cut (?:way |too |so |really |a bit |very )*(?:deep|deeper|too deep)",
    r"(?:will not|wont|can not|cant|does not|doesnt|did not|didnt|not|is not|isnt) stop(?:ping)? bleeding",
    r"bleeding (?:a lot|so much|heavily|everywhere|badly|through|will not stop|wont stop|is not stopping|really bad)",
    r"blood (?:everywhere|all over|is everywhere|wont stop|will not stop)",
    r"(?:need|needs|might need|probably need|gonna need|going to need|definitely need) stitches",
    r"gone through (?:\w+ )?(?:towels|bandages|paper towels)",
    needs="sh_context",
)
add(
    "sh.wrists",
    SH_SEVERE,
    (SELF_HARM, SUICIDE),
    r"(?:slit|slitting|slashed|slash|slice|sliced|open|opened|opening|cut|cutting) (?:my|his|her|their) "
    r"(?:wrists?|veins?)(?! (?:on|when|while|by))",
)

# --------------------------------------------------------------------------- overdose
add(
    "od.took",
    OD_ACT,
    OVERDOSE,
    r"(?:took|taken|take|taking|swallowed|swallow|swallowing|popped|pop|popping|downed|ate|injected|inject|"
    r"snorted|chugged|necked|shot|shoot|shooting|gulped) (?:like |about |around |maybe |probably |almost |nearly |"
    r"over |at least |like maybe |some |literally )*"
    r"(?:(?:[6-9]|[1-9]\d+|a hundred|twenty|thirty|forty|fifty|fifteen|dozens of|a dozen|ten|twelve) (?:of )?"
    r"(?:my |his |her |their |the |these |those |\w+s )?(?:\w+ )?(?:<PILLS>)?|"
    r"(?:all|all of|every|every single|everything|the rest of|a bunch of|a handful of|handfuls of|a ton of|"
    r"a whole bunch of|way too many|too many|way too much|too much|a whole bottle of|the whole bottle of|"
    r"a whole bottle|the whole bottle|the whole pack of|a whole pack of|the whole packet of|a whole packet of|"
    r"an entire bottle of|the entire bottle of|the entire box of|a whole box of|the whole box of|a full bottle of|"
    r"double|triple|twice) (?:of )?(?:my |his |her |their |the |these |those |\w+s |my (?:\w+ )?(?:dads|moms|"
    r"dad|mom) )?(?:\w+ )?(?:<PILLS>|in my (?:medicine )?cabinet|them|it all|of them))"
    r"(?! (?:time|of (?:a|my) (?:risk|chance)|(?:\w+ )?(?:with (?:food|breakfast|dinner|lunch|water|a meal)|as prescribed|"
    r"as directed|like (?:i am|im|i m|i was) supposed to|like (?:the|my) doctor (?:said|told me|says))))",
    r"(?:took|taken|swallowed|popped|downed|ate|chugged|necked|taking|swallowing) (?:like |about |maybe |probably |"
    r"literally |almost )*(?:the|a|an|my|his|her) (?:whole|entire|full) (?:\w+ ){0,2}?(?:bottle|pack|packet|box|strip|"
    r"sheet|blister pack|blister|container|jar|tub|script|prescription|month s supply|months supply|supply)s? "
    r"(?:of|from) (?:my |his |her |the |their )?(?:\w+ ){0,2}?(?:<PILLS>)",
    r"(?:already|just) (?:took|swallowed|taken|downed|popped) (?:the|them|it|all|the whole)(?: <PILLS>| bottle| pack| lot)?"
    r"(?= *(?:[,.]|$|too late|and|i))",
    r"(?:took|take|taking|swallowed) (?:them all|all of them)(?= *(?:[,.]|$|and|i|already))",
)
add(
    "od.took_everything",
    OD_ACT,
    OVERDOSE,
    r"(?:took|take|taking|use|using|used|did|do) (?:everything|all of it|all|the whole thing|it all|the rest) "
    r"(?:i had|i have|i got|i ve got|at once|in one go)",
    needs="drug_context",
)
add(
    "od.used_everything",
    OD_ACT,
    OVERDOSE,
    r"(?:swallowed|swallow|downed|popped|shot up|shoot up|shooting up|inject|injecting|injected|snort|snorted) "
    r"(?:everything|all of it|all|the whole thing|it all|the rest|the whole bag|the whole stash)"
    r"(?= *(?:[,.]|$|i had|i have|i got|i ve got|at once|in one go|and))",
    r"(?:took|take|taken|taking) (?:way |far |much |so much |waaay )?too (?:much|many)"
    r"(?= *(?:[,.]|$|and|i|tonight|again|of (?:my|the|his|her) (?:<PILLS>|stuff|dope)))",
)
add(
    "od.mixed",
    OD_ACT,
    OVERDOSE,
    r"(?:mixed|mixing|mix|took|taking|take|popped|with) (?:\w+ ){0,3}?(?:<PILLS>|xanax|benzos|bars|opioids|"
    r"heroin|fent) (?:with|and|plus|on top of|after|while) (?:\w+ ){0,3}?(?:vodka|alcohol|booze|whiskey|whisky|"
    r"wine|beer|liquor|drinks?|tequila|rum|gin|a bottle|the bottle|more (?:<PILLS>))",
)
add(
    "od.mixed_booze_first",
    OD_ACT,
    OVERDOSE,
    r"(?:downed|drank|took|had|mixed|chugged|finished|necked) (?:\w+ ){0,5}?(?:<BOOZE>|vodka|whiskey|alcohol) "
    r"(?:with|and|plus|then) (?:\w+ ){0,4}?(?:<PILLS>)",
)
add(
    "od.overdosing",
    OD_ACT,
    OVERDOSE,
    r"overdosing",
    r"(?:i am|im|i think i am|i think i m|i might be|i may be|he is|she is|they are|is|are) "
    r"(?:<ADV>)?(?:overdosing|having an overdose|od ing)",
)
add(
    "od.overdosed",
    OD_ACT,
    OVERDOSE,
    r"overdosed(?! on (?:\w+ )?(?:cookies|candy|chocolate|sugar|caffeine|coffee|netflix|tv|memes|cute|love|"
    r"sunshine|carbs|pizza|cake|sweets|drama|christmas|holiday|tiktok|anime|books|work|youtube))",
    tense="past",
)
add(
    "od.noun",
    OD_ACT,
    OVERDOSE,
    r"(?:an |my |the |a |another )?overdose(?! (?:awareness|response|prevention|reversal|kit|kits|training|"
    r"deaths|crisis|epidemic|rates?|statistics|class|course|day|vigil|scene|chapter|death|numbers|on purpose))",
    tense="past",
)
add(
    "od.signs_other",
    OD_SIGNS,
    (OVERDOSE,),
    r"(?:is not|isnt|not|barely|hardly|stopped|has stopped|is barely|can not|cant|is hardly|stop) breathing",
    r"(?:breathing|breath|breaths) (?:is |are |has |have |got |getting |went )?(?:really |very |so |super )?"
    r"(?:slow|shallow|weird|strange|rattling|gurgling|stopped|slowing|raspy)",
    r"(?:lips|face|skin|fingers|fingernails|nails) (?:are |is |have |has |look |looks )?(?:turning |going |gone |"
    r"turned |getting |kind of |a bit )?(?:blue|grey|gray|purple|pale blue|ashen)",
    r"turning (?:blue|grey|gray|purple)",
    r"(?:will not|wont|can not|cant|could not|couldnt|does not|doesnt|did not|didnt|is not|isnt) "
    r"(?:wake (?:him|her|them) up|waking up|wake up|respond|responding|come to|coming to)"
    r"(?! (?:early|in time|on time|until|till|til|at|for|before|tomorrow|the|my|me|to|when|on|in the))",
    r"unresponsive|unconscious|not responding|passed out cold|foaming at the mouth|pinpoint pupils|"
    r"snoring (?:weird|funny|loud) and",
    r"(?:gave|give|giving|used|need|needs|used a|used two|used one|administered|sprayed|hit (?:him|her|them) with) "
    r"(?:\w+ ){0,2}?(?:narcan|naloxone)(?! (?:training|kit|kits|class|course|on hand|in (?:my|the) bag))",
    r"(?:narcan|naloxone) (?:is not|isnt|not|did not|didnt|is|was) (?:working|work|help|helping|doing anything)",
    r"(?:will not|wont|is not|isnt|can not|cant|does not|doesnt) (?:move|moving|open (?:his|her|their) eyes)"
    r"(?= *(?:[,.]|$|me|and|please|help|what))",
    r"no (?:pulse|heartbeat)",
)
add(
    "od.signs_sounds",
    OD_SIGNS,
    (OVERDOSE,),
    r"(?:making|makes|made) (?:a |this |these |that |weird |a weird |strange |a strange |scary )*(?:gurgling|choking|"
    r"rattling|snoring|wheezing|gasping) (?:sound|sounds|noise|noises)",
    r"(?:nodded|nodding|nodded off|nodding off) (?:out )?(?:and|hard and) (?:\w+ ){0,3}?(?:will not|wont|can not|cant|"
    r"is not|isnt) (?:wake|waking|respond|responding)",
    needs="drug_context",
)
add(
    "od.signs_self",
    OD_SIGNS,
    (OVERDOSE,),
    r"(?:can not|cant|could not) (?:feel|move) my (?:hands|legs|arms|face|body|fingers|feet)",
    r"heart (?:is )?(?:slowing|slowing down|stopping|racing so fast|beating weird|skipping)",
    r"vision (?:is )?(?:going |getting )?(?:blurry|dark|black|fuzzy)",
    r"(?:can not|cant) (?:keep my eyes open|stay awake|breathe properly|breathe right|catch my breath)",
    needs="drug_context",
    subject="self",
)
add(
    "od.took_some",
    MEANS_HAVE,
    OVERDOSE,
    r"(?:took|swallowed|popped|downed|taken) (?:some |a bunch |her |his |their |the |my |a few |)"
    r"(?:pills|tablets|meds|medication|sleeping pills)(?= *(?:[,.]|$|and|with|i|she|he))",
)
add(
    "od.misuse",
    MISUSE,
    (OVERDOSE, SUBSTANCE),
    r"(?:taking|took|take|popping|popped) (?:my |his |her )?(?:\w+ )?(?:<PILLS>|them) (?:\d+|two|three|four|five|six|"
    r"a few|several|a handful) at a time",
    r"(?:took|taking|take|popped|popping) (?:a few |some |a couple |a couple of |a little |an )?"
    r"(?:extra|double|more than (?:i should|prescribed|i am supposed to|my dose)|more than my dose)"
    r"(?: of)? (?:my |his |her )?(?:\w+ )?(?:<PILLS>|dose|doses)?(?= *(?:[,.]|$|to|and|because|so|tonight|today))",
)

# --------------------------------------------------------------------------- substance use
add(
    "use.relapse",
    RELAPSE,
    SUBSTANCE,
    r"relaps(?:e|ed|ing|es)"
    r"(?! (?:prevention|triggers?|rates?|plan|plans|signs|warning|is|isnt|is not|does not|doesnt|happens|"
    r"can|cycle|dream|dreams|on (?:self harm|cutting|burning)|with (?:self harm|cutting)|into (?:self harm|cutting)|"
    r"is part|stories|story|talk|workshop|group|meeting|topic))",
)
add(
    "use.slip",
    RELAPSE,
    SUBSTANCE,
    r"(?:slipped|slipped up|had a slip|had a slip up|slip up)(?! (?:on|and fell|in the|on the|through|away|into|"
    r"off|out|and hurt|down|my mind))",
    r"fell off the wagon",
    r"(?:day|back to day|starting at day|starting from day|start over at day|back at day) (?:one|1|zero|0)(?= *(?:[,.]|$|again))",
    r"(?:day|back to day) (?:one|1) again",
    r"back to square one",
    r"back (?:at|to) (?:zero|day (?:one|1|zero|0))",
    r"reset (?:my|the) (?:date|clean date|sober date|sobriety date|day count|count|clock|counter|days)",
    r"(?:lost|broke|blew|threw away|wasted) my (?:sobriety|clean time|clean date|sober time|streak|sober date|"
    r"\d+ days|time)(?= *(?:[,.]|$|again|last|today|yesterday|tonight|after|for))",
    r"(?:days|weeks|months|years|day|week|month|year) (?:of (?:sobriety|clean time|being clean|being sober) )?"
    r"down the drain",
    r"(?:start|starting|started) (?:my count |my days )?over(?= *(?:[,.]|$|again|today))",
)
add(
    "use.event",
    USE,
    SUBSTANCE,
    r"(?:used|using|drank|drinking|drunk|got high|got drunk|got wasted|got loaded|got fucked up|shot up|smoked|"
    r"snorted|did a line|did lines|did coke|did meth|did heroin|took a hit|took a bump|hit the pipe|copped|scored|"
    r"picked up|been using|been drinking|started drinking|started using|drinking again|using again|went out|"
    r"got blackout drunk|blacked out|was drunk|was high|got stoned) (?:<DRUG> |<BOOZE> |some |a little |a bit |"
    r"a lot |so much |too much |heavily |heavy |alone )?"
    r"(?:again|last night|yesterday|today|tonight|this (?:morning|weekend|week|afternoon)|"
    r"after (?:\w+ ){0,2}(?:days|weeks|months|years|day|week|month|year)|for the first time in|"
    r"on (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday)|every (?:day|night|morning)|"
    r"over the weekend|the whole weekend|all weekend|all night)",
    r"been (?:high|drunk|using|drinking|getting high|getting drunk|loaded|wasted|smoking|shooting up) "
    r"(?:every|all|since|for (?:\w+ )?(?:days|weeks)|again|nonstop|non stop|the whole)",
    r"(?:back on|back to) (?:the )?(?:<DRUG>|bottle|sauce|juice|needle|pipe|drugs|drink|booze|stuff|gear|pills|drinking|using)"
    r"(?! (?:prevention|treatment))",
    r"(?:drank|had|downed|finished|chugged|necked|polished off|drinking) (?:a |an |some |the |half a |half the |"
    r"a whole |the whole |an entire |a couple |a couple of |a few |few |two |three |four |five |six |\d+ |like \d+ |"
    r"a bottle of |a fifth of |a pint of |a case of |a glass of |glasses of )+(?:\w+ )?(?:<BOOZE>)"
    r"(?! (?:of (?:water|tea|juice|coffee|milk|soda))|with (?:dinner|my meal))",
    r"(?:hitting|hit|been hitting|started hitting) the (?:bottle|sauce|pipe|needle)(?! (?:of|for))",
    r"(?:used|relapsed|drank|smoked|shot up|got high|got drunk|had a drink|had a beer|took a hit|picked up) "
    r"(?:\w+ ){0,4}?after (?:\d+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\w+) (?:days|weeks|months|years)",
)
add(
    "use.craving",
    CRAVING,
    SUBSTANCE,
    r"(?:<ADV>)?cravings? (?:are |is |have been |has been |were |was |keep |been |getting |got |hit |hitting )?"
    r"(?:so |really |super |very |crazy |fucking |pretty |extra |insanely )*(?:bad|hard|strong|intense|insane|"
    r"unbearable|brutal|crazy|awful|overwhelming|real|through the roof|killing me|worse|out of control|"
    r"relentless|constant|nonstop|loud|screaming|back|hitting|hit)",
    r"(?:bad|strong|intense|insane|huge|major|massive|crazy|horrible|awful|overwhelming|big|heavy|nasty|"
    r"serious|unbearable|brutal|constant) cravings?",
    r"craving (?:so |really |like |real )*(?:bad|hard|crazy|badly|strong)",
    r"crav(?:e|es|ing|ed) (?:a |some |for )?(?:<DRUG>|<BOOZE>|a hit|a fix|a line|a bump|a high|to use|to drink|"
    r"to get high|to get drunk|using|drinking|getting high)",
    r"(?:<DRUG>|drug|alcohol|drinking|using|booze|dope|opioid|heroin|meth|coke|crack|fent|pill|beer|wine) cravings?",
    r"cravings? (?:to|for) (?:use|drink|get high|<DRUG>|<BOOZE>)",
    r"white ?knuckl\w+(?! (?:this|the|my|that|through (?:the|this|my)) (?:\w+ )?(?:flight|plane|turbulence|drive|ride|"
    r"roller coaster|landing|takeoff|exam|interview|game|match))",
    r"all i (?:can |could )?(?:think about|want|want to do) is (?:getting|get|using|use|drinking|drink|scoring|score|"
    r"a drink|a hit|a bag|a fix|a bump|a line|getting high|getting drunk|<DRUG>|<BOOZE>)"
    r"(?! (?:\w+ ){0,2}?of (?:water|coffee|tea|chips|popcorn|candy|crisps|groceries|food|juice|fries|pretzels))",
)
add(
    "use.want",
    CRAVING,
    SUBSTANCE,
    r"(?:<DESIRE>|really want to|want to|wanna|so badly want to|itching to|about to|going to|close to|"
    r"thinking about|thinking of|might|could easily|dying to) (?:<ADV>)?"
    r"(?:use|drink|get high|get drunk|get wasted|get loaded|get fucked up|shoot up|score|cop|relapse|pick up|"
    r"get a fix|get my fix|call my dealer|text my dealer|hit the bottle|go to the bar|buy a bottle|buy some|"
    r"do a line|numb it|drink it away|drink again|use again|using|drinking|relapsing)"
    r"(?! (?:a |the |my |your |this |it |less|more|fewer|to |as |for |with |up|that|his|her|their|our|what|in|on|"
    r"and do|this|these|those|(?:some |a |more |lots of |a lot of |plenty of )?<BEVERAGE>|chocolate|cookies|pizza|"
    r"candy|food|tickets|clothes|groceries|kids|dog|cat|time))",
    r"(?:need|needing|could use|could really use|could go for|really want|want|wanting|dying for|would kill for|"
    r"d kill for|desperate for) (?:a |some |another |just one )?(?:hit|fix|bump|line|drink|shot|<DRUG>)"
    r"(?! (?:of (?:water|coffee|tea|juice|milk)|at|on|with))(?= *(?:[,.]|$|so|right|rn|now|tonight|today|bad|"
    r"badly|and|but|i|lol|real))",
)
add(
    "use.near",
    NEAR_USE,
    SUBSTANCE,
    r"(?:call|calling|called|text|texting|texted|message|messaging|messaged|hit up|hitting up|dm|dmed|dming|"
    r"meet|meeting|met|see|saw|go to|went to|going to) (?:my |the |an |that |our )?(?:old |ex )?(?:dealer|plug|connect)"
    r"(?! (?:is in jail|got arrested|died))",
    r"(?:dealer|plug|connect) (?:texted|called|messaged|hit me up|reached out|keeps texting|keeps calling|"
    r"is texting|is calling|offered)",
    r"(?:outside|in front of|at|parked at|parked outside|sitting outside|sitting in|in the parking lot of|"
    r"in the lot of|parked in front of) (?:the |a )?(?:liquor store|bar|pub|dealers? (?:house|place|apartment)|"
    r"trap house|bottle shop|off licence|off license)(?! (?:with|for (?:work|dinner|a coworker)))",
    r"(?:bought|grabbed|picked up|got) (?:a|another) (?:bottle|fifth|handle|pint|six pack|case)(?! of (?:water|juice|soda|"
    r"pop|milk|tea|coffee|gatorade|kombucha|sparkling|shampoo|wine for|beer for))(?= *(?:[,.]|$|on|and|at|after|today|tonight|"
    r"anyway|again|it))",
    r"(?:bought|got|have|grabbed|picked up) (?:a |some |the )?(?:bag|baggie|gram|bundle|point|8 ball|eight ball|"
    r"bottle of (?:<BOOZE>)|fifth)(?= *(?:[,.]|$|of|and|i|today|tonight|in))",
)

# --------------------------------------------------------------------------- abuse and threats
add(
    "abuse.act",
    ABUSE_ACT,
    ABUSE,
    r"(?:hits|hit|hitting|beats|beat|beating|punches|punched|punching|slaps|slapped|slapping|kicks|kicked|"
    r"kicking|chokes|choked|choking|strangles|strangled|strangling|shoves|shoved|shoving|pushes|pushed|pushing|"
    r"grabs|grabbed|grabbing|burns|burned|bites|bit|rapes|raped|raping|molests|molested|molesting|touches|"
    r"touched|touching|abuses|abused|abusing|hurts|hurt|hurting|forces|forced|forcing|drags|dragged|pins|pinned|"
    r"restrains|restrained|locks|locked|spits on|spat on|attacks|attacked|assaults|assaulted|stalks|stalked|"
    r"stalking|corners|cornered|smacks|smacked|slams|slammed|throttled|threw) (?:me|us|my (?:mom|mum|mother|"
    r"kids|children|sister|brother|baby|son|daughter))"
    r"(?! (?:up|out|off|back|to (?:do|be|try|go|get|work|finish|keep|grow|reach|see|the)|in (?:the )?(?:feels|heart)|"
    r"deeply|so much|a lot|hard lol|with (?:that|this|his|her) (?:joke|story|words|share|post)|that|when (?:you|he|she) "
    r"(?:said|left)|into (?:recovery|treatment|therapy|rehab|getting)|the most))",
    r"(?:throws|threw|throwing|hurls|hurled|chucks|chucked) (?:\w+ ){1,3}at (?:me|us|my (?:head|face))",
    r"(?:threatens|threatened|threatening|threaten) (?:me|us)(?! with (?:a |an )?(?:lawsuit|fine|suspension|detention|ticket|"
    r"firing|being fired|a write up|write up|legal action|court|the police|a bad grade|an f))",
    r"(?:locks|locked|locking) (?:me|us) (?:out of the (?:house|home|apartment|room)|in (?:my|the|a|our) "
    r"(?:room|closet|basement|bathroom|house|car))",
    r"(?:gets|got|getting|get) (?:really |so )?(?:rough|physical|violent|handsy) with (?:me|us)",
    r"(?:he|she|they|my \w+) (?:\w+ ){0,2}?(?:broke|fractured|busted|split|bloodied|dislocated) my "
    r"(?:arm|nose|ribs?|jaw|wrist|lip|eye|tooth|teeth|finger|fingers|collarbone|shoulder)",
    r"(?:gave|gives|left|leaves) me (?:a |two )?(?:black eye|black eyes|bruises|concussion|split lip)",
    r"(?:grabbed|grabs|had|put|puts|wrapped) (?:me by|his hands|her hands|their hands|a hand|his hand|her hand) "
    r"(?:the |my )?(?:throat|neck|around my (?:throat|neck)|on my (?:throat|neck))",
    r"(?:put|puts|putting|wrapped) (?:his|her|their) hands (?:around|on) my (?:neck|throat)",
)
add(
    "abuse.words",
    ABUSE_ACT,
    ABUSE,
    r"(?:says|said|tells me|told me|keeps saying|yells|yelled|screams|screamed) (?:that )?(?:she|he|they) "
    r"(?:wishes|wished|wish) i (?:was|were|had) (?:never (?:been )?born|dead|never been born|not born)",
    r"(?:calls|calling|called|keeps calling|always calls|constantly calls) me (?:\w+ )?(?:worthless|stupid|"
    r"useless|fat|ugly|a whore|whore|slut|a slut|a bitch|bitch|retarded|a waste|names|a failure|pathetic|"
    r"crazy|psycho|an idiot|idiot|garbage|trash|disgusting|nothing)",
)
add(
    "abuse.state",
    ABUSE_ACT,
    ABUSE,
    r"abusive (?:relationship|partner|husband|wife|boyfriend|girlfriend|parents?|dad|father|mom|mother|home|"
    r"household|ex|marriage|stepdad|stepmom|family)",
    r"(?:being|been|was|am|getting|get|got|were) (?:sexually |physically |emotionally )?(?:abused|beaten|raped|"
    r"assaulted|molested|trafficked|attacked|strangled|choked)",
    r"(?:sexually|physically) (?:assaulted|abused)",
    r"(?:he|she|they|someone|somebody|a guy|a man|my \w+) (?:raped|molested|sexually assaulted) me",
    r"(?:i am|im|i m) (?:in|living in) (?:a |an )?(?:domestic violence|dv|abusive) (?:situation|relationship|home)",
    subject="self",
)
add(
    "abuse.control",
    ABUSE_ACT,
    ABUSE,
    r"(?:will not|wont|does not|doesnt|did not|didnt|never) let me (?:leave|see|go|talk|have|use|call|visit|out|"
    r"work|sleep|eat|have money|have friends|go out)",
    r"(?:not allowed|never allowed|am not allowed|m not allowed) to (?:see|leave|go|talk|have|call|visit|work|use|"
    r"text)",
    r"(?:took|takes|taken|keeps|controls|control|controlling|hides|hid|smashed|broke) (?:all )?(?:my|our) "
    r"(?:bank card|card|cards|money|paycheck|wages|phone|keys|car keys|passport|id|documents|meds)"
    r"(?= *(?:[,.]|$|and|so|again|away|from))",
    r"(?:checks|reads|read|goes through|went through|tracks|monitors|tracking|checking|reading) (?:all )?(?:of )?"
    r"my (?:phone|messages|texts|location|emails|email|dms)(?= *(?:[,.]|$|and|every|again|all))",
    r"controls (?:everything|every|what i|where i|who i)",
    r"(?:steals|stealing|stole|keeps stealing|took|takes|taking|keeps taking) (?:all )?(?:of )?(?:my|our) "
    r"(?:pain pills|pills|meds|medication|medicine|pension|social security|check|checks|benefits|savings|food stamps)",
    r"(?:will not|wont|does not|doesnt|refuses to|would not|wouldnt|did not|didnt) (?:let me have|give me) (?:my )?"
    r"(?:food|meals|meds|medication|medicine|money|phone|keys|glasses|walker|wheelchair|hearing aids?|insulin)",
    r"(?:he|she|they) (?:forces|forced|makes|made|pressures|pressured) me (?:to have sex|into sex|to do things)",
    r"(?:threat(?:en|ens|ening|ened)) to (?:post|share|leak|send|release|show) (?:my|our|the) "
    r"(?:pictures|pics|photos|nudes|videos)",
    r"(?:threat(?:en|ens|ening|ened)) (?:to )?(?:take|taking) (?:my|the|our) (?:kids|children|baby|son|daughter)",
    r"(?:scared|afraid|terrified|frightened) (?:of|to go home to|to be around) (?:him|her|them|my (?:\w+ )?"
    r"(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mother|stepdad|ex|brother|uncle|stepmom))",
    r"(?:scared|afraid|terrified|frightened) to (?:go home|go back home|leave|be home)(?= *(?:[,.]|$|because|and|tonight))",
)
add(
    "abuse.threat_kill",
    THREAT,
    (ABUSE, VIOLENCE),
    r"(?:going to|gonna|will|would|d|wants to|want to|tried to|try to|trying to|threatened to|threatens to|"
    r"threatening to|promised to|swore to|is going to|about to|said he would|said she would|said they would|"
    r"says he will|says she will|swore he would|swore she would|ll|is gonna) (?:<ADV>)?"
    r"(?:kill|murder|shoot|stab|strangle|end|bury|finish off|get rid of) (?:me|us|my (?:kids|children|baby|son|daughter|mom|mother|family|dog)|"
    r"the kids|the (?:whole )?family|all of us)",
    r"(?:said|says|told me|swore|threatened|promised|keeps saying)(?: that)? (?:he|she|they) (?:would|will|is going to|"
    r"was going to|d) (?:kill|murder|shoot|stab|strangle) (?:me|us)",
    r"(?:afraid|scared|terrified|worried) (?:he|she|they|my \w+) (?:is going to|will|might|gonna|would) "
    r"(?:kill|murder|shoot|stab) me",
    r"next time (?:he|she|they) (?:will not|wont|is not going to|isnt going to) stop",
    r"(?:coming|on (?:his|her|their) way|here|outside(?: (?:my|the|our) (?:\w+ )?(?:house|apartment|place|door|window|"
    r"building|room|car|work|job))?|at (?:my|the) (?:door|house|window)|downstairs|waiting) "
    r"(?:over |here |now |right now )?with (?:a|his|her|their|the) (?:gun|knife|rifle|pistol|bat|weapon|machete|shotgun)",
    r"(?:going to|gonna|will|would|d|threatened to|says he will|says she will) (?:use|pull) (?:it|the gun|the knife|a gun|"
    r"a knife|his gun|her gun|the rifle) on (?:me|us|my \w+)",
)
add(
    "abuse.armed_nearby",
    THREAT,
    (ABUSE, VIOLENCE),
    r"(?:he|she|they|my ex|my \w+) (?:\w+ ){0,3}?(?:has|have|got|brought|is carrying|carrying|is holding|bought|"
    r"is armed with) (?:a |his |her |their |the )?(?:gun|knife|weapon|pistol|rifle|shotgun|machete|bat)",
    needs="at_my_door",
)
add(
    "abuse.fear_for_life",
    THREAT,
    (ABUSE, VIOLENCE),
    r"(?:scared|afraid|fearing|terrified|fear|fearful) for my (?:life|safety)",
    subject="self",
)
add(
    "violence.now",
    VIOLENCE_NOW,
    (VIOLENCE, ABUSE),
    r"(?:is|are|s|keeps|keep) (?:<ADV>)?(?:beating|hitting|choking|strangling|hurting|attacking|stabbing|kicking|"
    r"punching|beating up) (?:me|my \w+|her|him|them|us)(?: \w+){0,3}? (?:right now|as we speak|at the moment|"
    r"again right now|in the other room|downstairs|next door)",
    r"(?:he is|she is|they are|he s|she s) (?:beating|choking|strangling|stabbing|attacking|beating up|hitting) "
    r"(?:her|him|them|me|my \w+)",
    r"(?:beating|hitting|choking|strangling|attacking|stabbing) (?:me|my \w+|her|him|them|us) right now",
    r"(?:is|s|keeps|are|re) (?:forcing (?:himself|herself|themselves|themself) on|raping|assaulting|molesting) me",
    r"(?:says|said|told me|keeps saying|yelling|yelled|screaming) (?:that )?i (?:am|m) next(?= *(?:[,.]|$|and|so))",
    r"(?:breaking|broke|kicking|kicked) (?:down )?(?:the|my) door (?:down|in)?(?= *(?:[,.]|$|and|right now))",
    r"(?:swinging|pointing|waving|aiming|holding|coming at) (?:a |the |his |her |their |that )?(?:bat|knife|gun|machete|"
    r"hammer|weapon|pistol|rifle|shotgun|crowbar|axe|broken bottle) (?:at|to|towards|against) "
    r"(?:me|us|my \w+|her|him|them|my (?:\w+ )?(?:head|face|throat|neck))",
)
add(
    "violence.intent",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:<INTENT>|i will|i ll|ready to|gonna) (?:<ADV>)?(?:kill|murder|stab|shoot|strangle|choke|beat|hurt|attack|"
    r"run over|burn|poison|smash|beat up|beat the (?:shit|crap|hell|life) out of) "
    r"(?:him|her|them|someone|somebody|anyone|everyone|everybody|people|that (?:guy|girl|man|woman|bitch|bastard|dude)|"
    r"this (?:guy|girl|man|woman)|my (?:\w+ )?<PERSON>|his (?:\w+ )?<PERSON>|her (?:\w+ )?<PERSON>|"
    r"the (?:guy|man|woman|girl|kid|teacher|boss|bastard|kids)|all of them|them all)",
    r"(?:<INTENT>|i will|i ll) (?:<ADV>)?beat (?:him|her|them) (?:up|until|till|to death|senseless)",
    r"(?:<INTENT>|i will|i ll|want to) (?:shoot|shoot up|bomb|attack) (?:up )?(?:the |my |his |her |a |this |our )?"
    r"(?:school|office|work|job|workplace|place|church|mall|party|store|class|building|meeting|clinic|mosque|"
    r"synagogue|concert)",
    r"shoot (?:people|everyone|everybody|them all|up the place)",
    r"(?:bring|bringing|take|taking|brought|took) (?:a |my |his |her |the |my (?:\w+ )?(?:dads|moms|dad|mom) |dads )?"
    r"(?:gun|guns|rifle|knife|weapon|pistol|shotgun|bomb) to (?:school|work|class|the (?:\w+ )?(?:school|office|"
    r"party|meeting|game)|church|the mall)",
)
add(
    "violence.urge",
    VIOLENCE_URGE,
    VIOLENCE,
    r"(?:want to|wanna|wanting to|feel like|feeling like|urge to|urges to|tempted to|thinking about|thinking of|"
    r"fantasize about|fantasizing about|so close to|close to) (?:<ADV>)?(?:kill|killing|murder|murdering|stab|stabbing|"
    r"shoot|shooting|strangle|strangling|choke|choking|beat|beating|hurt|hurting|attack|attacking) "
    r"(?:him|her|them|someone|somebody|anyone|everyone|everybody|people|my (?:\w+ )?<PERSON>|that (?:guy|girl|man|woman)|"
    r"the (?:guy|man|woman|kid|baby))",
)

# --------------------------------------------------------------------------- psychosis
add(
    "psychosis.voices",
    PSYCHOSIS_SIGN,
    PSYCHOSIS,
    r"(?:hearing|hear|heard|hears|started hearing) (?:the |these |those )?voices"
    r"(?! (?:in|from|outside|downstairs|upstairs|next door|through (?:the|my) (?:door|wall|walls)|of (?:my|the)|"
    r"at (?:the|my)) (?:the )?(?:hallway|hall|kitchen|street|next|other room|room|apartment|downstairs|upstairs|"
    r"outside|neighbors|party|door|recovery|group|people))",
    r"(?:the )?voices? (?:in my head|inside my head|are back|came back|are getting louder|are louder|are so loud|"
    r"are loud|keep talking|keeps talking|will not stop|wont stop|won t stop|started again|again)",
    r"(?:hearing|hear|seeing|see|saw|heard) things (?:that|which) (?:are not|arent|isnt|is not|were not|werent|"
    r"nobody else|no one else|others can not|others cant)",
    r"hallucinat\w+",
)
add(
    "psychosis.paranoia",
    PSYCHOSIS_SIGN,
    PSYCHOSIS,
    r"(?:someone|somebody|they|people|the government|the neighbors|the neighbours|my neighbors|my neighbours|"
    r"the neighbor|the neighbour|the cia|the fbi|the police|cops|my family|everyone|the doctors|the nurses|"
    r"the staff|strangers) (?:is |are |have been |has been |keep |keeps )?(?:always |constantly |still |now |"
    r"secretly |definitely |pretty sure |probably )?(?:watching|following|tracking|recording|monitoring|spying on|"
    r"listening to|poisoning|reading|controlling|out to get|plotting against|conspiring against|hacking|"
    r"filming|bugging|drugging) (?:me|my (?:thoughts|mind|phone|food|house|apartment))",
    r"(?:they|people|everyone|everybody|the neighbors|the neighbours) (?:are|is) (?:plotting|conspiring|scheming|"
    r"in on it|against me)",
    r"(?:plotting|conspiring|scheming|ganging up) against me",
    r"(?:are|is|keep|keeps|been|always|re) (?:putting|slipping|spiking|sneaking) (?:something|stuff|poison|drugs|chemicals|"
    r"pills|things) "
    r"(?:in|into) my (?:food|drink|drinks|water|coffee|meds|medication|tea|meals)",
    r"(?:camera|cameras|microphone|microphones|mics|bugs|chip|chips|tracker|trackers|device|devices|wire|wires) "
    r"(?:in|inside|hidden in|planted in|behind) (?:my|the) (?:apartment|room|house|walls?|ceiling|vents?|head|brain|"
    r"body|arm|teeth|phone|car|tv|smoke detector)",
    r"(?:put|planted|installed|hid|implanted) (?:cameras|a camera|microphones|bugs|a chip|chips|trackers?|a tracker) "
    r"(?:in|on|inside)",
    r"(?:tv|television|radio|phone|computer|the news|my phone|the walls|the radio|the tv|the television|"
    r"the computer|my laptop|the songs|the billboards|license plates) (?:is|are|has been|have been|keeps|keep|"
    r"started) (?:talking to me|speaking to me|sending me (?:messages|signals|codes|signs)|giving me (?:messages|signs|"
    r"signals)|whispering|talking about me)",
    r"messages (?:are )?(?:meant|sent|intended|directed) (?:for|to|at) me",
    r"(?:reading|control|controlling|stealing|hearing|broadcasting|inserting|putting thoughts in) my (?:thoughts|mind)",
    r"(?:call|calling|calls|called|say|saying|says|whisper|whispering|whispers|whispered|yelling|yell|yells|shouting) "
    r"my name (?:when|and|but|even though) (?:nobody|no one|noone) (?:is|was|s) (?:there|around|home|here)",
    r"whisper\w* (?:in|through|from|inside) the (?:walls|vents|ceiling|floor)",
    r"(?:god|the devil|satan|demons?|angels?|the voice|aliens) (?:is |are |keeps |keep )?(?:telling|told|tells|"
    r"talking to|speaking to|commanding|sending) me",
    r"(?:recording|watching|filming|spying on) me through (?:the|my) (?:vents|walls|tv|phone|window|camera|laptop)",
)
add(
    "psychosis.command",
    COMMAND,
    (PSYCHOSIS, SUICIDE),
    r"(?:voices?|voice in my head|god|the devil|satan|demons?|they) (?:\w+ ){0,3}?(?:telling|tell|tells|told|want|"
    r"wants|wanted|order|orders|ordering|command|commands|commanding|say|says|said|saying|keep saying) "
    r"(?:me )?(?:that )?(?:to |i should |i have to |i need to |i must |i deserve to |i ought to |i am going to |"
    r"i got to )?(?:kill|hurt|die|jump|end|cut|harm|stab|shoot|drown|hang|burn|attack|do it|take all)",
)

# --------------------------------------------------------------------------- housing
add(
    "housing.loss",
    HOUSING_LOSS,
    HOUSING,
    r"evict(?:ed|ing|ion|ions|s)?(?! (?:prevention|defense|moratorium|workshop|clinic|crisis|rates|from (?:the |a )?"
    r"(?:game|lobby|server|chat|discord|group chat|match|party|voice chat|call)))",
    r"(?:kick|kicking|kicked|kicks|throw|throwing|threw|thrown|put|putting|chuck|chucked|chucking) (?:me|us) out"
    r"(?! of (?:class|the (?:game|group|meeting|class|chat|car|bar|club|store)|group|the meeting))",
    r"(?:getting|got|been|being|get|will be) (?:kicked|thrown|put) out(?! of (?:class|the (?:game|group|meeting|class|"
    r"chat|bar|club|store)|group))",
    r"(?:i am|im|i m|we are|were|we re|i will be|we will be|going to be|about to be|gonna be|i became|became|"
    r"now|officially|basically|technically|i was|we were) (?:<ADV>)?homeless",
    r"(?:sleeping|living|slept|staying|sleep|live|stayed|spending the night|spend the night|stuck living) "
    r"(?:in|out of|inside|on) (?:my|our|the|a) (?:car|truck|van|tent|couch|floor|bus station|train station)"
    r"(?! (?:for (?:the|a) (?:camping|festival|trip|road trip)|at (?:the|a) (?:campsite|festival)))",
    r"(?:sleeping|sleep|slept|living|live|stuck) (?:on the streets?|on the street|rough|outside|in (?:a|the) "
    r"(?:park|tent|station|doorway)|at (?:a|the) shelter|under (?:a|the) bridge)",
    r"(?:staying|stay|stayed|sleeping|living) (?:at|in) (?:a|the) (?:homeless )?shelter",
    r"shelter (?:was|is|s) full",
    r"nowhere (?:else )?(?:to|i can) (?:go|sleep|stay|live|turn)",
    r"(?:no|do not have a|dont have a|do not have any|dont have any|have no) (?:place|where|home) to "
    r"(?:go|sleep|stay|live)",
    r"(?:have|had) nowhere(?: lined up)?(?= *(?:[,.]|$|lined|and|to))",
    r"(?:lose|losing|lost|going to lose|about to lose|will lose|might lose|gonna lose) (?:my|our) "
    r"(?:apartment|home|house|place|housing|room|lease|flat|trailer|spot at|bed at|housing voucher)",
    r"(?:changing|changed|change|going to change) the locks",
    r"(?:have|need|got|has) to (?:be out|move out|get out|leave) (?:by|before|in \d+|of (?:the|my) (?:apartment|house|place))",
    r"couch ?surf\w*",
    r"(?:can not|cant|could not|couldnt|unable to|not able to) (?:pay|afford|make) (?:my |the |our |this months |"
    r"next months )?rent",
    r"behind (?:on|\w+ (?:months?|weeks?) on|(?:\w+ ){1,3}on) (?:my |the |our )?rent",
    r"notice to (?:vacate|quit)",
    r"(?:landlord|owner|management) (?:\w+ ){0,3}?(?:filed|is kicking|is throwing|wants (?:me|us) out|"
    r"gave (?:me|us) (?:notice|\d+ days))",
)

# --------------------------------------------------------------------------- harassment
add(
    "harass.kys",
    HARASS,
    HARASSMENT,
    r"(?:kill|killing|go kill|just kill) (?:yourself|urself|your self)",
    r"(?:you should|u should|go|just go|hope you|hope u|i hope you|wish you would) (?:die|drink bleach|jump off|"
    r"kill yourself|rot|overdose)(?= *(?:[,.]|$|lol|already|in|you|\w))",
    r"(?:told|tells|telling|said|says|keeps telling|keep telling) me to (?:kill|killing) <SELF>",
    suppresses=(SUICIDE,),
)

# --------------------------------------------------------------------------- idioms (cancel what they overlap)
_LAUGH = r"(?:lol|just kidding|lmao)"
add(
    "idiom.killing_me",
    IDIOM,
    (),
    r"(?:is|are|was|were|s|re|keep|keeps|kept|been|be|got) (?:<ADV>)?(?:killing|murdering|destroying|wrecking) (?:me|us)",
    r"(?:this|that|the|my|these|those|his|her|your) (?:\w+ ){0,2}?(?:is|was|are|were|s|re) "
    r"(?:<ADV>)?(?:murder|killer|a killer|deadly|lethal|brutal|a killer)(?= *(?:[,.]|$|lol|on|for|today|i))",
    r"(?:that|this|the|your|his|her|my) (?:\w+ ){0,2}?(?:joke|jokes|video|meme|memes|set|show|movie|story|stories|"
    r"comment|post|tiktok|clip|line|bit|pun|puns|episode|ending|song|book|share|face|reaction|cat|dog|kid|kids) "
    r"(?:\w+ )?(?:killed|kills|killing|destroyed|wrecked|murdered|is killing|has killed) me",
    r"(?:killed|killing|kills|destroyed) me (?:\w+ ){0,5}?(?:laughing|laughed|laugh|lol|crying laughing|funny|"
    r"cracked up|dead)",
)
add(
    "idiom.kill_for",
    IDIOM,
    (),
    r"(?:d|would|could|i would|i d) (?:<ADV>)?(?:kill|murder|die) for (?:a |an |some |the |another |one |that |"
    r"\w+ )?(?!(?:drink|hit|fix|beer|line|bump|shot|drugs|pills)\b)\w+",
    r"(?:could|d|would|gonna|going to|want to|wanna|will) (?:<ADV>)?(?:murder|kill|destroy|demolish|devour|smash) "
    r"(?:a |an |some |the |this |that |my |two |\w+ )?(?:burger|burgers|pizza|taco|tacos|sandwich|coffee|nap|steak|"
    r"fries|burrito|meal|breakfast|lunch|dinner|cake|donut|donuts|chocolate|snack|plate|bowl|bagel|cookie|cookies|"
    r"ice cream|curry|kebab|pie|pint of ice cream|cheeseburger|big mac|whopper|nachos|wings|ramen|pho|sushi)",
    r"(?:kill|killing|killed|kills|slay|slayed|slaying|murder|murdered|murdering|crush|crushed|crushing|smash|"
    r"smashed) (?:it|this|that|the (?:game|interview|test|exam|presentation|set|show|workout|share|speech|"
    r"performance|audition|competition|race|match|step|open mic))(?= *(?:[,.]|$|at|in|on|today|tonight|tomorrow|"
    r"lol|again|with|out there|up there))",
    r"(?:kill|killing|killed|kills) (?:time|the (?:lights|light|engine|music|mood|vibe|process|noise|power|app|tab|"
    r"bug|bugs|weeds|germs|spider|fly|flies|mosquito|conversation|pain|buzz|motor|switch))",
    r"(?:killer|killers) (?:workout|view|deal|song|album|show|set|heels|app|feature|bass|solo|smile|outfit|sale)",
    r"(?:spider|bug|bugs|fly|flies|mosquito|mosquitoes|weeds|plants|germs|bacteria|mice|rats|cockroach|roach|"
    r"roaches|wasp|wasps|ants|cold|flu|battery|batteries) (?:\w+ ){0,2}?(?:killed|died|dying|kill|killing|dead)",
)
add(
    "idiom.dead_dying",
    IDIOM,
    (),
    r"(?:i am|im|i m|literally|i just|i literally|we are) (?:so |literally |actually |fucking )*"
    r"(?:dead|dying|deceased|crying|screaming|wheezing)(?= *(?:lol|at|of|from|laughing|omg|over|inside))",
    r"lol (?:i am|im|i m|we are) (?:so |literally |actually |fucking )*(?:dead|dying|deceased|crying|screaming|wheezing)",
    r"(?:dying|die|died|dead|death|dies) (?:of|from|with|laughing|laughter) (?:\w+ )?(?:laughter|laughing|"
    r"embarrassment|boredom|cringe|shame|the heat|heat|hunger|thirst|curiosity|excitement|cuteness|jealousy|"
    r"secondhand embarrassment|happiness|old age|natural causes)",
    r"(?:died|dying|dead) laughing",
    r"(?:bored|scared|worried|frightened|tired|sick|annoyed|loved|love) (?:\w+ )?to death",
    r"to die for",
    r"dying to (?:see|know|hear|try|meet|go|get|read|watch|tell|find out|eat|visit|share|catch up|hug|talk|show|"
    r"start|join|ask|celebrate|sleep|get home|be|have)",
    r"(?:dead|dying) (?:tired|serious|set on|last|center|centre|wrong|right|end|ends|weight|heat|beat|battery|zone|"
    r"of (?:night|winter)|silent|quiet|asleep|inside lol|giveaway|ringer|lift|lifts)",
    r"(?:could|would|might|d) (?:just |literally |actually )?die(?= *(?:of|from|laughing|lol|happy|of happiness|"
    r"right there|on the spot))",
    r"(?:nearly|almost|basically|practically) died (?:when|laughing|of|at|from)",
    r"(?:dye|dyed|dyeing|dying|die) my (?:hair|beard|clothes|shirt)",
    r"(?:dying|dyed|dye) (?:it|them) (?:blue|pink|red|black|green|purple)",
    r"over my dead body|die hard|dead end|deadline|deadlines|deadlift|dead lift|drop dead (?:gorgeous|beautiful)|"
    r"dead ass|deadass|dead on|dead eye|dead air|play dead|beating a dead horse|dead to me",
    r"(?:my|the|his|her|our|your) (?:\w+ )?(?:phone|laptop|computer|battery|car|engine|wifi|wi fi|internet|"
    r"tablet|ipad|charger|router|tv|printer|plants?|flowers?|keyboard|mouse|headphones|airpods|remote|vibe|"
    r"conversation|group chat|chat|lawn|grass|battery pack|car battery|truck|van|bike|scooter|watch|fitbit|"
    r"dishwasher|fridge|fish|goldfish|hamster|houseplants?|succulents?|garden|tomatoes|basil|earbuds|controller|"
    r"speaker|camera|kindle|screen|mic|modem|toaster|microwave|heater|ac|car radio|flashlight|social life|"
    r"love life|hope of|dreams of) (?:just |finally |totally |completely |literally |officially |apparently )?"
    r"(?:died|is dead|was dead|s dead|went dead|are dying|is dying|dying|are dead|were dead|just died)",
    r"(?:legs|arms|feet|body|back|brain|thumbs|hands|shoulders|calves|quads|abs|eyes) (?:are|is|s|feel|felt|were|was) "
    r"(?:so |literally |completely |totally )?(?:dead|killing me|so dead|destroyed|murdered)",
    r"(?:feet|legs|back|head|neck|knees|arms|shoulders|hips|teeth|tooth|stomach|eyes) (?:are |is |were |was )?"
    r"(?:literally |absolutely |really )?killing me",
    r"die (?:peacefully|of old age|old|happy|in my sleep at \d+|surrounded by)",
)
add(
    "idiom.rather_die_than",
    IDIOM,
    (),
    r"(?:d|would|i would|i d) (?:<ADV>)?rather (?:die|be dead) than "
    r"(?!(?:go back|going back|return|relapse|use|drink|live|be alone|face|see him|see her|be with|stay|keep living|"
    r"spend another|wake up|be here|go through|let|have to)\b)\w+",
)
add(
    "idiom.shoot",
    IDIOM,
    (),
    r"shot (?:myself|me) in the foot",
    r"shoot (?:me|us) (?:a |an )?(?:text|message|msg|email|dm|pm|call|line|note|reply)",
    r"shoot(?= *(?:[,.]|$|i forgot|i missed|i left|i just))",
    r"(?:shoot|shooting|shot) (?:my|your|our|the) shot",
    r"(?:shoot|shooting|shot) (?:some )?(?:hoops|pool|photos|pictures|a video|video|the breeze|baskets|a film|"
    r"a scene|an email)",
    r"(?:sales|prices|rent|numbers|stock|stocks|blood pressure|sugar|temperature|fever|it|views|followers) "
    r"(?:\w+ )?shot up",
)
add(
    "idiom.kill_me_hyperbole",
    IDIOM,
    (),
    r"(?:just |somebody |someone |please |pls |god )*(?:kill|shoot) me now",
    r"(?:kill|shoot) me(?= *(?:[,.]|$)) (?:lol|lmao)",
    r"(?:makes|made|is making|making) me (?:want to|wanna) (?:die|kill myself|kill me)(?= *(?:lol|[,.]|$)) (?:lol)",
    r"(?:this|that|the|my|these) (?:\w+ )?(?:homework|exam|test|class|traffic|meeting|meetings|song|show|weather|heat|"
    r"monday|mondays|commute|code|printer|wifi|cringe|video|movie|game|line|queue|email|emails|paperwork|"
    r"assignment|essay|project|noise|lecture|group project|weekend|shift|humidity|playlist|tiktok|ad|ads|"
    r"commercial|lag) (?:\w+ )?(?:makes|made|is making|making) me (?:want to|wanna) (?:die|kill myself|cry|scream)",
    r"(?:i am going to|im going to|i will|gonna|going to) die (?:of|from|if i do not get|without) "
    r"(?:\w+ )?(?:coffee|food|pizza|sleep|a nap|embarrassment|boredom|laughing|cringe)",
    r"(?:i am|im) (?:going to|gonna) die(?= *(?:lol|[,.]|$)) (?:lol)",
)
add(
    "idiom.parents_kill_me",
    IDIOM,
    (),
    r"(?:going to|gonna|will|would|is going to|s going to|d|ll|about to) (?:literally |actually |honestly )?"
    r"(?:kill|murder) me (?:when|if|once|for|after|because|cause|lol|haha)",
    r"(?:mom|mum|mother|dad|father|parents|boss|teacher|wife|husband|coach|sister|brother|gf|bf|girlfriend|"
    r"boyfriend|sponsor|therapist|grandma|nan) (?:is |s |will |would |d |ll )?(?:going to |gonna )?"
    r"(?:literally |actually )?(?:kill|murder) me(?= *(?:[,.]|$|lol|when|if|once|for|after))",
    unless=r"gun|guns|rifle|pistol|knife|knives|weapon|threatened|threatening|threatens|scared|afraid|terrified|"
    r"said (?:he|she|they) (?:would|will)|he said he would|hits|hit me|beats|beat me|abusive|abuse|choked|"
    r"strangled|police|cops|restraining|gets out|released|parole|prison|jail|hurt me|hurts me|bat|swore",
)
add(
    "idiom.violence_hyperbole",
    IDIOM,
    (),
    r"(?:going to|gonna|will|about to|could|i will|i ll|i could|i am going to|want to|wanna|might) "
    r"(?:literally |actually |honestly |seriously )?(?:kill|murder|strangle|choke|end) "
    r"(?:him|her|them|my (?:\w+ )?(?:brother|sister|roommate|mom|mum|dad|husband|wife|boyfriend|girlfriend|kid|kids|"
    r"cat|dog|boss|coworker|friend|partner|son|daughter|teacher|cousin|bf|gf|neighbor|neighbour))"
    r"(?= (?:\w+ ){0,10}?(?:lol|just kidding|if (?:he|she|they|you|it|my \w+) (?:\w+ )?(?:eats|eat|ate|touches|"
    r"touch|takes|take|took|uses|use|borrows|forgets|forget|steals|leaves|is late|does not|doesnt|do not|keeps|"
    r"says|wakes|drinks|finishes|spoils|sings|plays|tells|posts|texts|calls|changes|moves|loses|breaks|"
    r"puts|makes|asks|leaves|comes)|for (?:eating|taking|using|forgetting|touching|leaving|spoiling|drinking|"
    r"finishing|telling|posting|making|being late|snoring)|when (?:he|she|they) (?:gets|get|comes|come) home lol))",
    r"(?:could|could honestly|could literally|could actually|could just) (?:kill|murder|strangle|choke) "
    r"(?:him|her|them|my \w+)(?! with (?:a|the|my)|(?: \w+){0,4} (?:gun|knife|bat))",
    unless=r"gun|guns|rifle|pistol|knife|knives|weapon|bat|machete|tonight|for real|not kidding|i mean it|"
    r"serious|seriously|swear to god",
)
_IRRITANT = (
    r"(?:heat|heatwave|heat wave|humidity|cold|snow|rain|wind|weather|sun|pollen|allergies|mosquitoes|mosquitos|"
    r"mosquito|flies|bugs|ants|gnats|fruit flies|roaches|traffic|commute|line|lines|queue|printer|wifi|internet|"
    r"laptop|computer|phone|app|update|updates|noise|construction|drilling|music|neighbors|neighbours|neighbor|"
    r"neighbour|dog|dogs|barking|cat|rooster|baby|toddler|kids|snoring|roommate|customers|meetings|emails|"
    r"paperwork|homework|exam|exams|finals|taxes|suspense|cliffhanger|show|game|team|refs|referee|cramps|"
    r"headache|itch|itching|hiccups|cough|waiting|wait|heels|shoes|landlord|bureaucracy|hold music|cuteness|"
    r"roadworks|roadwork|road work|jackhammer|leaf blower|lawnmower|alarm|alarms|sirens|smell|mess|clutter|"
    r"kid|teenager|teenagers|boss|coworker|coworkers|class|lecture|professor|bus|train|airport|flight|delay|delays|"
    r"sunburn|mosquito bites|bites|hay fever|song|ad|ads|commercials|cold front|humid|storm|power outage|outage|"
    r"renovation|renovations|upstairs|downstairs)"
)
add(
    "idiom.cannot_take_this_heat",
    IDIOM,
    (),
    r"(?:can not|cant|could not|couldnt) (?:<ADV>)?(?:take|stand|handle|deal with|do|bear) (?:it |this |that |them )?"
    r"(?:anymore |any more |no more )?(?:, )?(?:with |from )?(?:this|these|that|those|the|my|our|his|her) "
    r"(?:\w+ ){0,2}?" + _IRRITANT + r"(?![a-z])",
    r"(?:this|these|that|those|the) (?:\w+ ){0,1}?"
    + _IRRITANT
    + r" (?:, )?(?:\w+ ){0,3}?(?:i )?(?:can not|cant|"
    r"could not) (?:<ADV>)?(?:take|stand|handle|deal with|do|bear)(?: (?:it|this|that|them))?",
    suppresses=(HOPELESSNESS,),
)
add(
    "idiom.misc",
    IDIOM,
    (),
    r"(?:overdosed|overdosing|overdose|od ed|oding) on (?:\w+ )?(?:cookies|candy|chocolate|sugar|caffeine|coffee|"
    r"netflix|tv|memes|cute|cuteness|love|sunshine|carbs|pizza|cake|sweets|drama|christmas|holiday|tiktok|"
    r"reality tv|anime|books|work|youtube|cat videos|dog videos|podcasts|true crime|news|music)",
    r"suicide (?:squad|mission|doors|lane|run|runs|drills|sprints|shift)",
    r"(?:social|career|political|professional|financial) suicide",
    r"hang(?:ing)? (?:out|on|in there|up|with|over|loose|around|tight)",
    r"(?:cut|cutting|cuts) (?:corners|ties|class|the cord|in line|it close|loose|back|down|out)",
)

# --------------------------------------------------------------------------- topics (talk about, not of, a crisis)
add(
    "topic.death_of_other",
    TOPIC,
    (),
    r"(?:died|dying|death|deaths|lost|losing|loss|passed|passed away) (?:\w+ ){0,4}?(?:by|from|to|of|after) "
    r"(?:a |an |his |her |their )?(?:suicide|overdose|overdoses|an overdose|fentanyl|heroin|drugs|addiction|"
    r"opioids|alcohol|alcoholism)",
    r"(?:suicide|overdose) (?:loss|survivor|survivors|bereavement|death|deaths)",
    r"(?:after|since) (?:his|her|their|my \w+s|my \w+ s) (?:suicide|overdose)",
    r"(?:grieving|grieve|mourning|coping with|grief after|grief from) (?:a |the |his |her |their |my \w+ )?"
    r"(?:suicide|overdose|loss to suicide|loss to overdose)",
    suppresses=(SUICIDE, OVERDOSE, SUBSTANCE, SELF_HARM),
)
add(
    "topic.prevention",
    TOPIC,
    (),
    r"(?:suicide|overdose|relapse|self harm|eviction|homelessness|homeless|addiction|drug|opioid|crisis|"
    r"substance|domestic violence|dv|abuse|psychosis) (?:prevention|awareness|hotline|helpline|lifeline|"
    r"crisis line|response|reversal|training|kit|kits|triggers|trigger|rates|rate|statistics|stats|class|"
    r"course|workshop|vigil|walk|month|day|week|research|policy|services|shelter|outreach|advocate|"
    r"advocates|survivors? (?:group|network)|support group|first aid|risk factors|warning signs|signs|"
    r"safety plan|intervention|specialist|counselor|counsellor|team|unit|program|programme|clinic|center|centre)",
    r"(?:preventing|prevent|responding to|respond to|reversing|reverse|recognizing|recognising|recognize|spot|"
    r"spotting|talk about|talking about|talked about|discuss|discussing|discussed|learn about|learning about|"
    r"learned about|teach|teaching) (?:a |an |the )?(?:suicide|overdoses?|relapse|self harm|eviction|"
    r"homelessness|abuse)(?! (?:tonight|today|right now))",
    r"(?:homeless|homelessness) (?:shelter|shelters|people|folks|population|outreach|services|encampment|"
    r"community|neighbors|neighbours|guy|man|woman|person|veterans|youth)",
    suppresses=(SUICIDE, OVERDOSE, SUBSTANCE, SELF_HARM, HOUSING, ABUSE, PSYCHOSIS, VIOLENCE),
)
add(
    "topic.craving_food",
    TOPIC,
    (),
    r"(?:sugar|chocolate|food|pizza|salt|salty|sweet|sweets|carb|carbs|snack|snacks|junk food|ice cream|coffee|"
    r"caffeine|nicotine|pregnancy|midnight|late night|taco|burger|cookie|candy|chip|chips|fast food) cravings?",
    r"crav(?:e|es|ing|ed|ings) (?:for )?(?:some |a |an |the )?(?:pizza|chocolate|sugar|sweets|ice cream|tacos|taco|"
    r"burger|burgers|cake|chips|fries|coffee|sushi|ramen|pasta|bread|salad|fruit|candy|cookies|donuts|food|"
    r"carbs|junk food|pho|nachos|wings|steak|pancakes|a hug|hugs|attention|sleep|sunshine|quiet|peace)",
    r"(?:cravings?|urges?|craving) (?:passed|went away|is gone|are gone|was gone|subsided|came and went|faded|eased|"
    r"lifted|left|disappeared|died down|passed quickly|is passing|are passing|are less|are fewer|are lighter|"
    r"have eased|have faded|have gone)",
    r"urge to (?:text|call|message|see|check|eat|buy|shop|scroll|post|clean|run|sleep|cry|scream|laugh)",
    suppresses=(SUBSTANCE,),
)

# --------------------------------------------------------------------------- ways of saying it found on held-out text
# Each rule below names a family of expressions, not one sentence: relief at the thought of dying,
# being sorry to wake up, a body that "cannot picture" a future, the steps people take before an
# attempt (testing a beam, choosing a place, setting a date), the words that go with a goodbye.
add(
    "suicide.relief",
    PASSIVE,
    SUICIDE,
    r"if i (?:\w+ ){0,5}?(?:died|die|was dead|were dead|did not wake up|never woke up|do not wake up|was gone|were gone|"
    r"got hit|got killed|crashed|got into a crash|had a crash|got cancer|did not make it|just stopped existing)"
    r"(?: (?:\w+ ){0,12}?| , (?:\w+ ){0,12}?)(?:relief|relieved|a blessing|fine with (?:it|that)|okay with (?:it|that)|"
    r"ok with (?:it|that)|would not (?:even |really |honestly )?(?:mind|care)|be glad|be grateful|be thankful)",
    r"(?:dying|death|not waking up|not being here|being dead) (?:would|will|d) (?:honestly |really |just |kind of |kinda )?"
    r"(?:be )?(?:a )?(?:relief|a blessing|a mercy|peaceful|easier)",
    r"(?:disappointed|upset|sad|annoyed|pissed|angry|mad|frustrated) (?:that )?(?:i (?:am|m) still (?:here|alive|breathing)|"
    r"i woke up|i keep waking up|i did not die|i survived|to wake up|to still be (?:here|alive))"
    r"(?= *(?:[,.]|$|again|at all|this morning|today|every|and|another))",
    r"(?:wake|woke|waking) up (?:\w+ ){0,2}?(?:disappointed|upset|sad|angry|mad) (?:that )?i (?:am|m|was) still "
    r"(?:here|alive|breathing)",
)
add(
    "suicide.being_alive_hard",
    PASSIVE,
    SUICIDE,
    r"(?:existing|being alive|staying alive|being me|living) (?:is|feels|has become|s) (?:so |just |really |too |"
    r"honestly |fucking )*(?:exhausting|unbearable|torture|agony|too hard|too much|a chore|pointless)"
    r"(?= *(?:[,.]|$|and|i|anymore|lately))",
    r"(?:do not|dont|no longer) (?:want|wanna) to (?:do|keep doing) (?:it|this|life|any of this) (?:anymore|any more)"
    r"(?= *(?:[,.]|$))",
)
add(
    "suicide.elliptical_kill",
    STATE,
    SUICIDE,
    r"(?:<DESIRE>|thinking about|thinking of) (?:<ADV>)?kill(?:ing)?(?= *(?:[,.]|$|but|and|so|lol|tonight|today|right now))",
)
add(
    "hopeless.no_picture",
    HOPELESS,
    HOPELESSNESS,
    r"(?:can not|cant|could not|couldnt|do not|dont) (?:<ADV>)?(?:picture|imagine|see) (?:myself|me) "
    r"(?:at \d+|at (?:thirty|forty|fifty|twenty)|in (?:\d+|a few|five|ten|two) years|growing old|getting old|getting older|"
    r"being old|old|alive|having a future|living past|making it to|reaching|in the future|with a future)",
    r"(?:the )?future (?:is|looks|feels) (?:\w+ )?(?:empty|black|blank|like nothing|dark|pointless)",
)
add(
    "prep.tested",
    PREP,
    SUICIDE,
    r"(?:tested|testing|test|checked|checking|made sure) (?:if |whether |that )?(?:the |a |my )?(?:beam|rafter|rope|knot|"
    r"noose|belt|branch|hook|pipe|rail|railing|door frame|closet rod|shower rod|ceiling fan|anchor)"
    r"(?: (?:can |will |would |could )?(?:hold|holds|held|take my weight|takes my weight))?",
    r"(?:will|would|can|could|it ll|it will) (?:hold|take|support) my weight",
)
add(
    "prep.place_date",
    PLAN,
    SUICIDE,
    r"(?:picked|chose|chosen|found|scouted|decided on|settled on|know|set|have|got) (?:out )?(?:the|a|my) "
    r"(?:spot|place|location|bridge|date|day|time|exact date|exact time|exact spot)(?= *(?:[,.]|$|now|already|for|and|"
    r"by|where|to do|to go))(?! (?:for (?:the|our|my) (?:party|wedding|meeting|trip|dinner|date|interview|move|reunion)))",
    r"(?:my |a |the )?suicide plan",
    r"(?:is |it is |its |everything is |all )?(?:set|scheduled|planned) for (?:tonight|tomorrow|this weekend|the weekend|"
    r"next week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|midnight)(?= *(?:[,.]|$))",
    unless=r"party|wedding|meeting|appointment|interview|surgery|trip|flight|dinner|game|class|shift|court|hearing|"
    r"move|moving|birthday|date night|concert|celebration|graduation|reunion|visit",
    alone=True,
)
add(
    "prep.new_home",
    PREP,
    SUICIDE,
    r"(?:made sure|make sure|making sure|found|finding|find) (?:that )?(?:my|our) (?:\w+ )?(?:dog|cat|pets?|bird|fish|"
    r"rabbit|hamster|puppy|kitten|kids|babies) (?:has|have|gets|get|will have) (?:a )?(?:new|good|loving|safe) "
    r"(?:home|homes|owner|owners|family)",
    unless=r"moving|move|moved|new (?:apartment|place|lease|landlord|job)|landlord|allerg\w*|foster\w*|no pets|"
    r"pet policy|deploy\w*|military|litter|kittens|puppies",
)
add(
    "prep.ready_waiting",
    SOFT_PREP,
    SUICIDE,
    r"(?:i am|im|i m|i feel|and i am|and i m) (?:so |finally |totally |completely )?ready(?= *(?:[,.]|$|now))",
    r"(?:just )?(?:sitting|standing|waiting) (?:here )?(?:and )?waiting(?= *(?:[,.]|$|now|for (?:it|the|a train|the train|"
    r"the courage|the nerve|the right moment|it to)))",
    r"(?:just )?waiting (?:now|for (?:the courage|the nerve|the right moment|the train|the next train|it to get dark|"
    r"everyone to (?:leave|sleep)))(?= *(?:[,.]|$))",
    r"(?:just )?(?:wanted|want|needed|need) (?:someone|somebody|anyone|one person|you) to know(?= *(?:[,.]|$))",
    r"(?:it is|its|it s|this is) not (?:your|anyone s|anyones|anybody s|anybodys|their) fault(?= *(?:[,.]|$|okay|ok))",
    r"none of (?:this|it|that) (?:is|was) (?:your|anyone s|anyones|anybody s|anybodys|their) fault",
    r"(?:my )?(?:last|final) (?:cigarette|smoke|meal|sunset|sunrise|coffee|song|drink)(?= *(?:[,.]|$|on|ever))"
    r"(?! (?:\w+ ){0,4}?(?:ago|days|months|years|quit|sober|clean))",
    r"(?:get|got|getting|when i get|once i get|if i get|work up) (?:the )?(?:brave|courage|nerve|guts) enough",
    r"(?:get|got|getting|work up|working up|find|found) the (?:courage|nerve|guts) (?:to do it|to go through with it)",
    r"(?:for good|forever) this time(?= *(?:[,.]|$))",
)
add(
    "prep.reading_this",
    FAREWELL,
    SUICIDE,
    r"(?:if|when) (?:you are|you re|youre|anyone is|someone is|you all are) reading this (?:\w+ ){0,3}?"
    r"(?:it )?(?:means|mean) i (?:\w+ ){0,2}?(?:went through with it|did it|am gone|am dead|am not here|did not make it|"
    r"finally did it|am not around)",
)
add(
    "prep.distrust_self",
    IMPLICIT,
    SUICIDE,
    r"(?:do not|dont|can not|cant) trust myself(?= *(?:[,.]|$|tonight|right now|alone|anymore|not to (?:do|hurt|use)))",
    alone=True,
)
add(
    "prep.gone_because",
    IMPLICIT,
    SUICIDE,
    r"(?:because|cause) i (?:am|m|will be|ll be) gone(?= *(?:[,.]|$|for good|forever))",
    r"(?:finish|finishing) (?:the job|what i started)(?= *(?:[,.]|$|when|once|after|tonight|as soon|back|in|last|this time|"
    r"from))",
    alone=True,
)
add(
    "prep.saying_goodbye",
    SOFT_PREP,
    SUICIDE,
    r"(?:is|was|keeps|kept|started|been) (?:saying|posting|texting) (?:goodbye|goodbyes|bye)(?= *(?:[,.]|$|to (?:everyone|us|"
    r"everybody|all|me|her|his|their)|and|on))",
    r"(?:sent|posted|texted|messaged|wrote) (?:me |us |everyone )?(?:a )?(?:pic|picture|photo|video|snap) of (?:\w+ ){0,2}?"
    r"(?:<PILLS>|<MEANS>|a rope|the bridge|a bridge|the edge|a gun)",
)

# --------------------------------------------------------------------------- families, generalised (round 2)
# Each rule below is built from the parts a family of expressions shares rather than from sentences
# seen: a verb of swallowing with an amount and something to swallow, a place to fall or drown with
# the writer there, a goodbye said as never being heard from again, a threat reported as said.
_SWALLOW = (
    r"(?:took|take|taken|taking|swallowed|swallow|swallowing|downed|popped|ate|necked|chugged|drank|dumped)"
)
# The same without the everyday verbs, for the patterns whose amount words are common too.
_SWALLOW_RARE = r"(?:swallowed|swallow|swallowing|downed|popped|necked|chugged|dumped)"
_AMOUNT = (
    r"(?:(?:like |about |around |maybe |probably |over |at least )?(?:all|every|everything|half|the rest|the whole|a whole|"
    r"a handful|handfuls|two handfuls|a fistful|a bunch|way more|way too many|too many|loads|a ton|a lot|\d+|"
    r"twenty|thirty|forty|fifty|a hundred|the entire|an entire))"
)
_CONTAINER = (
    r"(?:bottles?|boxes|box|packs?|packets?|strips?|blister packs?|cabinet|medicine cabinet|drawer|"
    r"prescription|script|refill|supply)"
)
add(
    "family.od_amount",
    OD_ACT,
    OVERDOSE,
    # "took everything in the medicine cabinet", "swallowed half of them", "took like 30 of my lithium"
    rf"{_SWALLOW_RARE} (?:up )?{_AMOUNT} (?:of )?(?:the |my |them|those|these|it|that)?"
    rf" ?(?:\w+ ){{0,2}}?(?:<PILLS>|{_CONTAINER}|them|of them|pill|pills)(?! (?:out|to|back|for (?:the|my) (?:trip|week)|"
    r"of (?:<BEVERAGE>|<BOOZE>|chips|candy|cookies|food|snacks|popcorn|gum|mints|vitamins|cereal)|"
    r"(?:with|like|as) (?:breakfast|food|dinner|lunch|water|a meal|prescribed|i am supposed to|directed|the doctor|"
    r"my doctor|usual|always)))",
    rf"{_SWALLOW} (?:like |about |around )?(?:\d+|two|three|four|five|a few|several|a couple of) (?:whole )?"
    r"(?:packs|packets|boxes|bottles|strips|blister packs|sheets) (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:<PILLS>)",
    rf"{_SWALLOW} everything (?:in|from) (?:the|my) (?:\w+ )?(?:{_CONTAINER}|bathroom|nightstand)"
    r"(?! (?:to|into|out|off|and (?:put|threw|moved|cleaned|took)))",
    rf"(?:swallowed|downed|popped|necked) (?:{_AMOUNT} )?(?:of )?(?:them|all of them|them all|it all)"
    r"(?= *(?:[,.]|$|and|already|idk|i|an hour|a few|like))",
    subject="self",
)
add(
    "family.on_purpose",
    ACT,
    (SUICIDE, OVERDOSE),
    # "shot up way more than i should have on purpose"
    r"(?:shot up|used|took|swallowed|drank|injected|snorted|smoked|did|mixed) (?:\w+ ){0,7}?on purpose"
    r"(?! (?:to (?:get|feel|sleep|stay)))",
    subject="self",
    unless=r"lol|lmao|haha|joke|kidding|caffeine|coffee|sugar|hot sauce|spicy",
)
_WATER = r"(?:river|sea|ocean|lake|water|waves|surf|bay|current|tide|canal|harbou?r|reservoir|quarry)"
_PLACE = (
    r"(?:railing|rail|ledge|edge|tracks|train tracks|railroad|rails|roof|rooftop|overpass|bridge|cliff|cliffs|pier|dock|"
    r"dam|top floor|parking garage|balcony|platform|parapet)"
)
add(
    "family.at_place",
    LOCATION,
    SUICIDE,
    # the writer (or someone whose phone says so) at a place to fall, drown or be hit from
    r"(?:i am|im|i m|sitting|sat|standing|stood|up|out|down|here|parked|perched|i am sitting|i am standing|been sitting|"
    r"been standing) (?:here |up |out |down |right )?(?:on|at|by|near|over|in|under|onto) (?:the |a |this |that |my |top of the |"
    r"the top of the |the top of |the edge of the |the end of the )?(?:\w+ )?"
    + _PLACE
    + r"(?! (?:with (?:my|friends|the)|for (?:the|a) (?:view|picture|photo|sunset|game|party)))",
    r"(?:location|pin|life360|snap map|find my (?:iphone|phone|friends)) (?:\w+ ){0,2}?(?:is |was |shows |says |shows (?:her|him|them) )?"
    r"(?:at|on|by|near) (?:the |a )?(?:\w+ )?" + _PLACE,
)
add(
    "family.how_and_when",
    PLAN_STRONG,
    SUICIDE,
    r"(?:know|knew|figured out|decided|worked out|planned|picked) (?:exactly |already |now )?(?:how and when|when and how|"
    r"where and when|how and where|when and where|where and how)(?= *(?:[,.]|$))",
    subject="self",
)
add(
    "family.date",
    SOFT_PREP,
    SUICIDE,
    r"(?<=the )\d{1,2}(?:st|nd|rd|th)(?= *(?:[,.]|$))",
)
add(
    "family.by_water",
    LOCATION,
    SUICIDE,
    # by water: a weak sign only, even "right now" (people swim, fish and walk there), unlike a ledge
    r"(?:i am|im|i m|sitting|sat|standing|stood|here|been sitting|been standing|alone) (?:here |out |down |right )?(?:on|at|by|near|in) "
    r"(?:the |a |this |that )?(?:\w+ )?(?:"
    + _WATER
    + r"|riverbank|shore|beach)(?= *(?:[,.]|$|again|alone|tonight|right now|"
    r"now|and (?:the|it)))",
    unless=r"swim\w*|fish\w*|surf\w*|kayak\w*|paddl\w*|boat\w*|picnic|sunbath\w*|tan|vacation|holiday|with (?:my|the|our)|"
    r"kids|family|friends|dog|lol|haha|beautiful|gorgeous|perfect|fun|party",
)
add(
    "family.going_there",
    LOCATION,
    SUICIDE,
    # a place named as the one: "that is where i am going", "the drop is high enough", "the train comes at 11"
    r"(?:(?<=that is )|(?<=thats )|(?<=this is )|(?<=it is )|(?<=its ))where (?:i am|im|i will be|i ll be|i want to be|"
    r"i am going|i will go|i ll go|i want to go|it will happen|i will do it|i will end)(?= *(?:[,.]|$|after|tonight|today|"
    r"tomorrow|when|once))",
    r"(?:drop|fall) (?:is|looks|would be|will be) (?:high|big|long|far|enough)(?= *(?:[,.]|$|enough))",
    r"(?:<HEIGHT>)(?: \w+){0,3}? (?:is|looks|s) (?:pretty |really |so |very |plenty |high |tall )*(?:high|tall)"
    r"(?= *(?:[,.]|$|enough|right))",
    r"(?:highest|tallest|biggest|longest|deadliest) (?:drop|fall)",
    r"(?:train|bus|tide|freight) (?:comes|arrives|passes|goes by|is coming|comes through|leaves|rolls through) "
    r"(?:at|in) (?:\d+|about|around)",
    subject="self",
    unless=r"roller ?coaster|ride|rides|theme park|six flags|disney|fair|hike|hiking|climb\w*|view|photo|tour|commute|"
    r"bungee|skydiv\w*|zip ?line|ski\w*|snowboard\w*|late|delayed|schedule|station|catch|ticket|vacation|trip|holiday|"
    r"college|school|dinner|lunch|party|price|prices|stock|stocks|temperature|sales|ratings|followers",
)
add(
    "family.walk_in",
    ACT,
    SUICIDE,
    # into water or traffic, without the words for dying: "keep walking till my feet do not touch"
    r"(?<=kee[pt] )(?:walking|swimming|wading|going) (?:out )?(?:until|till|til|and not|into)",
    r"(?:walk|walking|wade|wading|swim|swimming|go|going) (?:out )?(?:until|till|til) (?:i (?:can not|cant|do not|dont|am|m) "
    r"(?:\w+ )?(?:touch|stand|breathe|feel|come back|see the shore)|my (?:feet|head|toes) (?:do not|dont|can not|cant|"
    r"go|goes|is|are))",
    r"(?:water|waves?|sea|river|it) (?:is |s )?(?:up )?(?:to|past|over) my (?:waist|chest|neck|chin|shoulders)"
    r"(?! (?:lol|haha|at the beach with))",
    r"(?:not|no|never) (?:turning|going|coming|swimming|walking) back(?= *(?:[,.]|$|this time|now|tonight))",
    r"(?:<INTENT>|<DESIRE>|think i am going to|think i will|think im going to) (?:just )?(?:walk|wade|swim) "
    r"(?:in|out|right in|into it|under|out there|out into it)(?= *(?:[,.]|$|and|tonight|now|today))",
    needs="water_or_road",
)
add(
    "family.drive_off",
    ACT,
    SUICIDE,
    r"(?:drive|driving|steer|steering|swerve|swerving|floor it|flooring it|go|going|roll|rolling) (?:\w+ ){0,3}?"
    r"(?:off|over) (?:the |a |that )?(?:pier|dock|cliff|edge|bridge|embankment|guardrail|side of the road|quay|wharf)",
    unless=r"road trip|scenic|parking|valet|ferry|on to the ferry",
)
add(
    "family.farewell_final",
    FAREWELL,
    SUICIDE,
    r"(?:logging|signing|checking|log|sign|check|tapping|tap) (?:off|out) (?:for good|forever|permanently|for the last time|"
    r"of (?:life|this life|everything) )",
    r"(?:you will|you ll|yall will|you all will|everyone will|nobody will|no one will) (?:never|not) (?:ever )?"
    r"(?:hear from|hear|see|read) (?:from )?me again",
    r"if (?:you|anyone|anybody|nobody|no one|yall) (?:\w+ ){0,2}?(?:hear|hears|heard) from me (?:\w+ ){0,5}?"
    r"(?:call|send|check on me|come (?:find|look for|check on) me|tell)",
    r"(?:do not|dont|no need to|stop|never) (?:\w+ )?worry(?:ing)? about me (?:anymore|any more|ever again|after (?:tonight|today))",
    subject="self",
)
add(
    "family.finality",
    IMPLICIT,
    SUICIDE,
    r"(?:none of (?:it|this|that)|nothing|it|any of (?:it|this)) (?:will|is going to|ll) (?:\w+ )?matter "
    r"(?:anymore |any more |soon |by |after |tomorrow|in the morning|much longer)",
    r"(?:by|after|come) (?:morning|tomorrow|tonight|midnight|sunrise|the weekend)(?: ,)? (?:none of (?:it|this)|nothing|"
    r"it) (?:will|is going to|ll) (?:\w+ )?matter",
    r"i (?:will not|wont|am not going to|am not gonna) be (?:around|here|alive)(?= *(?:[,.]|$|anymore|any more|much longer|"
    r"for (?:much )?longer|for (?:my|your|his|her|the kids|christmas|\w+s)|to see|after|by|when|next))",
    r"(?:fight|argue|fighting|arguing|squabble) over my (?:stuff|things|shit|money|belongings|estate)",
    r"everything i own",
    r"(?:last|final|only) thing (?:left|left to do|i (?:have|need|got) (?:left )?to do|to do)(?= *(?:[,.]|$|is))",
    r"(?:it s|its|it is|it has) been real(?= *(?:[,.]|$))",
    r"(?:i am|im|i m|feel|i feel) (?:finally |so |totally |completely )?at peace(?: now)?(?= *(?:[,.]|$|with it))",
    r"(?:tell|let) (?:\w+ ){1,2}?(?:it is|its|it s|it was) not (?:his|her|their|your) fault",
    r"(?:working|worked) up (?:the )?(?:nerve|courage|guts)(?= *(?:[,.]|$|now|to))",
    r"everything (?:is |s )?(?:planned|planned out|arranged|figured out|mapped out)(?= *(?:[,.]|$))",
    r"(?:it is|its|it s) not for (?:camping|hiking|work|a project|what you think|decoration|decor|the yard|the garden)",
    r"(?:sealing|seal|sealed|taping|taped|tape) (?:up )?(?:the )?(?:bathroom|room|car|garage|vents?|windows|door|doors|gaps|"
    r"cracks)(?! (?:for (?:winter|the cold|the draft)|because))",
    unless=r"moving|vacation|trip|retreat|camping trip|new job|rehab|detox|deploy\w*|semester|exam|contract|lease|"
    r"caulk|draft|drafts|mold|winteriz\w*|paint\w*|renovat\w*",
    subject="self",
    alone=True,
)
add(
    "family.threat_said",
    THREAT,
    VIOLENCE,
    r"(?<!i )(?:said|says|told me|swore|keeps saying|texted|yelled|screamed) (?:that )?(?:\w+ ){0,2}?(?:is |s |are )?"
    r"(?:going to|gonna|will|ll|would|d) (?:\w+ )?(?:hurt|kill|shoot|stab|end|finish) (?:me|us|the kids|my kids)",
    r"(?:next time|one day|someday) (?:he|she|they) (?:will|ll|is going to|are going to) (?:\w+ )?"
    r"(?:finish (?:the job|me off|it)|kill me|end me)",
    subject="other",
    unless=r"lol|lmao|haha|hehe|jk|just kidding|joking|if i (?:\w+ )?(?:spoil\w*|eat|ate|tell|told|forget|lose|miss|break|touch|"
    r"wear|borrow|am late|m late|use|take) (?!(?:the kids|her|him|them away|anyone))",
)
add(
    "family.violence_with_weapon",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:outside|at|in front of|near|waiting (?:outside|at|for)|parked outside) (?:his|her|their|my ex s|my exs|the) "
    r"(?:\w+ )?(?:house|place|door|apartment|work|job|car|school) with (?:a|the|my) (?:<MEANS>|bat|machete|axe|hammer|crowbar)",
    r"(?:make|making) (?:him|her|them|that \w+|those \w+) pay(?= *(?:[,.]|$|for))",
    r"i know where (?:he|she|they) (?:lives|sleeps|works|parks|is|stays)(?= *(?:[,.]|$|and))",
    needs="weapon",
)
add(
    "family.passive",
    PASSIVE,
    SUICIDE,
    r"(?:would not|wouldnt|would not really|wouldn t) (?:be )?(?:the worst thing|so bad|a bad thing|mind|care)(?: tbh)?"
    r"(?: \w+){0,2}? if (?:a |the |some )?(?:\w+ )?(?:hit|hits|killed|kills|took|takes) me",
    r"if (?:a |the |some )(?:bus|car|truck|train|drunk driver|plane|semi) (?:hit|hits|would hit|took|takes) me",
    r"(?:wish|want|wanna|want to|wanting to|just want to|could) (?:i could |to )?(?:<ADV>)?(?:vanish|cease to exist|"
    r"stop existing|evaporate|fade away|not exist|disappear)(?= *(?:[,.]|$|forever|for good|permanently|like permanently|"
    r"completely|from (?:this|the) (?:world|earth)))",
    r"(?:would not|wouldnt|would not even|will not) (?:fight it|fight|resist|try to stop it|try to survive|mind it)"
    r"(?= *(?:[,.]|$))",
    r"(?:death|dying|suicide|ending it|not being here) (?:is|has been|s|keeps|stays) (?:\w+ )?(?:on|in) my (?:mind|head)",
    r"(?:to |just |would |d )?(?:stop|quit) (?:feeling|existing|being alive|breathing)(?= *(?:[,.]|$|forever|for good|"
    r"permanently|altogether))",
    r"(?:sleep|rest) (?:\w+ ){0,4}?(?:forever|and never wake up|and not wake up|permanently)",
    unless=r"under (?:a|the|my) (?:blanket|covers|duvet)|lol|lmao|haha|for (?:a|the) (?:weekend|day|week|bit|while)",
)
add(
    "family.burden",
    BURDEN,
    (SUICIDE, HOPELESSNESS),
    r"(?:such a|a|just a|nothing but a|only a|one big) (?:weight|drain|burden|nuisance|bother|waste of space|waste of air|"
    r"waste of oxygen) (?:on|to|for) (?:my|everyone|everybody|them|people|the|all)",
    r"(?:should not|shouldnt|should not have to|do not deserve to) (?:have to )?(?:deal with|put up with|carry|take care of) me",
)
add(
    "family.hopeless",
    HOPELESS,
    HOPELESSNESS,
    r"(?:do not|dont|can not|cant) (?:<ADV>)?see (?:myself|me) (?:ever )?(?:getting better|being happy|being okay|"
    r"being ok|recovering|making it|getting out|ever)",
    r"(?:do not|dont|can not|cant) (?:<ADV>)?(?:see|have|picture) (?:a |any )?future (?:for me|for myself|ahead|at all)",
    r"(?:there is|theres) no future (?:for me|ahead|left)",
    r"nothing (?:helps|works|matters|is working|changes|gets better|will change)(?= *(?:[,.]|$|anymore|any more))",
    r"(?:do not|dont|no) (?:even )?(?:know|idea) how (?:i |to |i am going to |i will |i can )?(?:keep going|go on|carry on|"
    r"keep doing this|keep living|survive this|get through this)",
    r"(?:i am|im|i m|feel like i am|feel like im) (?:just )?disappearing(?= *(?:[,.]|$|and))",
    r"(?:nobody|no one|noone) (?:\w+ )?(?:would|will|d) (?:even )?(?:notice|care|miss me)",
)
add(
    "family.craving",
    CRAVING,
    SUBSTANCE,
    r"(?:can not|cant|could not) stop thinking about (?:a |the |my |one )?(?:\w+ )?(?:<BOOZE>|<DRUG>|drinking|using|getting high|"
    r"a hit|a fix|a bump|a line|the bar|my dealer)",
    r"(?:so |really |this |dangerously |too )?close to (?:picking up|using|drinking|relapsing|calling my dealer|buying|"
    r"going to the bar|getting high|giving in)",
    r"part of me (?:still )?(?:wants|want) to (?:use|drink|get high|pick up|relapse|call my dealer)",
)
add(
    "family.self_harm",
    SH,
    SELF_HARM,
    r"(?:keep|kept|been|started|always|i) (?:hitting|banging|punching|slamming) my (?:head|fist|fists|hand|hands) "
    r"(?:against|into|on) (?:the |a )?(?:wall|door|floor|desk|mirror)",
    r"(?:left|leaving|leaves) (?:\w+ )?(?:bruises|marks|scars|welts) (?:on (?:myself|my (?:arms?|legs?|thighs?|wrists?|"
    r"stomach|face)))",
)
add(
    "family.abuse",
    ABUSE_ACT,
    ABUSE,
    r"(?:i am|im|i m) (?:so |really |honestly |actually )?(?:scared|afraid|terrified) of (?:him|her|them|my (?:\w+ )?"
    r"(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mother|stepdad|stepmom|ex|brother|uncle))"
    r"(?= *(?:[,.]|$|and|when|because))",
    r"(?:showing up|turning up|following me|calling|texting|messaging|waiting) (?:\w+ ){0,3}?"
    r"(?:even though|after|although) i (?:blocked|told|asked|have blocked|got)",
    r"(?:comes|came|coming|sneaks|snuck|sneaking|walks|walked) into my (?:room|bed|bedroom) (?:at night|when|while)",
    subject="other",
)
add(
    "family.basic_needs",
    HOUSING_LOSS,
    HOUSING,
    r"(?<=not )eaten (?:in|for) (?:\d+|two|three|four|a few|several|days)",
    r"(?:losing|lose) (?:the|our|my) (?:apartment|house|home|place|room|lease|trailer)(?! (?:keys|key|remote))",
    r"no money (?:for|till|until|til) (?:food|rent|groceries|friday|payday|next week)",
    r"(?:changed|changing|change) the locks(?! (?:after|because|on (?:my|the) (?:car|shed|garage)))",
    subject="self",
)
add(
    "family.hears",
    PSYCHOSIS_SIGN,
    PSYCHOSIS,
    r"(?:hear|hearing|heard|see|seeing) (?:my name|voices|someone|people|things|whispers|whispering|footsteps|shadows) "
    r"(?:\w+ ){0,3}?(?:when|but|and|while) (?:nobody|no one|noone|there is nobody|there is no one|nobody is|no one is)"
    r"(?: is)? (?:there|around|home|here)",
)
add(
    "family.intent_kill",
    STATE,
    SUICIDE,
    r"(?:<INTENT>) (?:<ADV>)?kill(?= *(?:[,.]|$|tonight|today|right now|now|soon|tomorrow))",
    intent=True,
)
add(
    "family.not_there_anymore",
    IMPLICIT,
    SUICIDE,
    r"(?<=i )(?:will not|wont|am not going to|am not gonna) be (?:at|in|coming to|around for) (?:\w+ ){0,2}?(?:anymore|any more|again)"
    r"(?= *(?:[,.]|$))",
    unless=r"moving|moved|switch\w*|new (?:job|group|meeting|time|schedule)|instead|schedule|shift|vacation|trip|"
    r"graduat\w*|college|school|tuesday|wednesday|thursday|monday|friday|saturday|sunday|online|zoom",
    subject="self",
    alone=True,
)
add(
    "family.bring_weapon",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:bringing|bring|taking|take|carrying|carry) (?:my|a|the|his|her|dads|my dads) (?:gun|pistol|rifle|shotgun|knife|"
    r"piece|strap|glock|blade|machete|bat) (?:to (?:work|school|class|the office|his|her|their|the party|the meeting)|"
    r"tomorrow|tonight|in|with me)(?! (?:for (?:protection|safety)|to (?:the range|hunt|get (?:it )?(?:fixed|cleaned|"
    r"appraised|sold))))",
    unless=r"range|hunt\w*|deer|season|show and tell|prop|costume|cosplay|toy|nerf|camping|fishing|filleting|kitchen|"
    r"chef|cook\w*|sharpen\w*|pawn|sell|sold|turn (?:it )?in|buyback|safe",
)
add(
    "family.passive_hope",
    PASSIVE,
    SUICIDE,
    r"(?:hoping|hope|wish|praying|pray) (?:that )?(?:the |my )?(?:surgery|operation|procedure|plane|flight|tumor|"
    r"cancer|biopsy|scan|treatment|chemo) (?:does not|doesnt|will not|wont|would not|fails|goes wrong|kills me|"
    r"takes me)(?: (?:go well|work|go right|come back clean|land|be benign|go as planned))?",
    r"(?:hoping|hope|praying) (?:that )?i (?:do not|dont|will not|wont|never) (?:wake up|make it|come out of it|survive)",
)
add(
    "family.burden_better_off",
    BURDEN,
    (SUICIDE, HOPELESSNESS),
    r"(?:my \w+|they|he|she|everyone|everybody) (?:would|d|will|are|is) (?:all )?be (?:so much |much |a lot |way )?"
    r"(?:better off|happier|safer) (?:with|living with) (?:someone else|their (?:dad|mom|father|mother|other parent|"
    r"grandparents)|anyone (?:else|but me)|a better \w+)",
)
add(
    "family.hopeless_change",
    HOPELESS,
    HOPELESSNESS,
    r"(?:nothing|anything) (?:is |will )?(?:ever )?(?:going to )?(?:change|get better|improve|be different) for me",
    r"(?:nothing|anything) is (?:ever )?going to (?:change|get better|improve)(?= *(?:[,.]|$|for me))",
    r"(?:do not|dont|can not|cant) (?:really )?(?:think|believe|see how|feel like) anything (?:is |will )?(?:ever )?(?:going to )?"
    r"(?:change|get better|improve|be different|work out)(?= *(?:[,.]|$|for me))",
)
add(
    "family.violence_now",
    VIOLENCE_NOW,
    VIOLENCE,
    r"(?:has|holding|is holding|pointing|pointed|put|is pointing|got) (?:a|the|his|her|their) (?:gun|knife|pistol|blade|rifle|"
    r"shotgun) (?:to|at|against|on) (?:my|our|her|his|their|the kids s|my \w+ s) (?:head|throat|neck|chest|face|temple)",
    r"(?:someone|somebody|a man|a guy|some guy|a stranger|people|they|he|she) (?:just )?(?:broke|is breaking|are breaking|"
    r"broken|is trying to break|are trying to break) in(?:to)? (?:\w+ ){0,3}?(?:right now|now|rn|and (?:is|are|s) (?:still )?"
    r"(?:in|inside|here))",
    r"(?:someone|somebody|stranger|intruder|some guy|some man) (?:is|s) (?:in|inside) (?:the|my|our) (?:house|apartment|home|room)"
    r"(?= *(?:[,.]|$|right now|now|rn|and))",
)
add(
    "family.reunion",
    PASSIVE,
    SUICIDE,
    # joining the dead: "join my brother in heaven", "see mom again soon" (when mom is gone)
    r"(?:join|be with|see|meet|reunite with|be reunited with|go be with|go to) (?:my |our )?(?:\w+ ){0,2}?(?:in heaven|"
    r"on the other side|in the afterlife|up there|beyond)(?= *(?:[,.]|$|tonight|today|soon|again|where))",
    unless=r"someday|some day|one day|when (?:it is|its) my time|when i am old|old age|funeral|grief|grieving|miss (?:him|her|them) "
    r"so much but|church|bible|sermon|faith",
)
add(
    "family.letting_go",
    PASSIVE,
    SUICIDE,
    r"(?:i am|im|i m|i will|i ll|i am going to|finally|just) (?:be )?(?:letting go|let go|giving up|give up|tapping out|tap out|"
    r"checking out|clocking out)(?= *(?:[,.]|$|tonight|today|now|for good|forever|on (?:life|everything|living)))",
    unless=r"resentment|anger|control|grudge|the past|of (?:it|that|him|her|them|the|my)|hotel|airbnb|library|work|shift|"
    r"job|lol|haha",
)
add(
    "family.no_one_deal",
    FAREWELL,
    SUICIDE,
    r"(?:nobody|no one|noone|you|yall|you all|everyone|anyone|my family) (?:will|ll|is going to|are going to) (?:not |never )?"
    r"(?:have|need) to (?:deal with|worry about|put up with|take care of|look after|carry) me (?:after (?:this|tonight|today|"
    r"the weekend|this weekend|tomorrow|friday|saturday|sunday)|anymore|any more|ever again|much longer|soon)",
    subject="self",
)
add(
    "family.methods_unsaid",
    ACT,
    SUICIDE,
    r"(?:make|making|made) it (?:look|seem) like an accident",
    r"(?:gas|oven|stove|engine|car|motor|grill|generator) (?:is |s )?(?:on|running|turned on) (?:and|with) (?:\w+ ){0,3}?"
    r"(?:closed|shut|sealed|taped) (?:up )?(?:all )?(?:the |my )?(?:windows|doors|door|vents|garage)",
    r"(?:closed|shut|sealed|taped) (?:up )?(?:all )?(?:the |my )?(?:windows|doors|door|vents) (?:\w+ ){0,3}?(?:and )?"
    r"(?:turned on|left on|lit|opened) (?:the )?(?:gas|oven|stove|charcoal|grill|engine)",
    r"(?:charcoal|grill|bbq|barbecue|briquettes|generator) (?:\w+ ){0,3}?(?:in|inside|into) (?:the|my) (?:bathroom|bedroom|"
    r"room|car|tent|closet)(?! (?:for|to) (?:cook|grill|bbq))",
    subject="self",
    unless=r"book|novel|movie|show|episode|plot|story|writing|insurance|lawyer|crash|wreck|accidentally|by accident",
)
add(
    "family.means_ready",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:put|hung|tied|set|rigged|fixed|threw) (?:up )?(?:a|the|my) (?:rope|noose|belt|cord|extension cord) (?:up )?(?:in|over|"
    r"from|on|around|to) (?:the|a|my) (?:garage|closet|beam|rafter|rafters|ceiling|fan|ceiling fan|hook|door|doorframe|tree|"
    r"branch|railing|pipe|shower rod|closet rod|banister|stairs)",
    r"(?:filled|running|ran|drew|drawing|run) (?:the|a|my) (?:tub|bath|bathtub) (?:\w+ ){0,4}?(?:<MEANS>)",
    r"(?:crushed|crushing|crush|ground up|dissolved|dissolving|mixed) (?:up )?(?:all |all of )?(?:my |the |his |her )?"
    r"(?:<PILLS>) (?:up )?(?:in|into) (?:a|the|my) (?:glass|cup|drink|water|bottle|juice|vodka)",
    r"(?:<PILLS>) (?:\w+ ){0,2}?crushed (?:up )?(?:in|into) (?:a|the|my) (?:glass|cup|drink|water|bottle)",
    unless=r"applesauce|pudding|yogurt|my (?:son|daughter|kid|baby|grandma|grandpa|dog|cat) s|swallow pills|trouble swallowing|"
    r"vet|doctor said|pharmacist said|tree swing|tire swing|hammock|clothesline|camping|tent",
)
add(
    "family.safe_code",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:know|have|got|found|figured out|guessed|cracked) the (?:code|key|keys|combination|combo)(?= *(?:[,.]|$|to|for|now))",
    needs="weapon",
    subject="self",
)
add(
    "family.stares",
    IMPLICIT,
    SUICIDE,
    r"(?:staring|stare|stared|looking|keep looking|keep staring) at (?:the |my |his |her )?(?:\w+ ){0,2}?"
    r"(?:<MEANS>|gun safe|noose|bridge|tracks|ledge|bottle of (?:<PILLS>))(?= *(?:[,.]|$|and|again|for|all|tonight))",
    subject="self",
    alone=True,
)
add(
    "family.swallow_all",
    ACT,
    (SUICIDE, OVERDOSE),
    r"(?:<INTENT>) (?:<ADV>)?(?:swallow|down|chug|take|eat|od on|overdose on) (?:all|the whole|every|everything|the rest|"
    r"an entire|all of|\d+)(?: \w+){0,3}? (?:<PILLS>|bottle|pack|packs|box|boxes|them)(?! (?:with (?:food|breakfast|"
    r"dinner|lunch|water|a meal)|on time|as prescribed|like (?:the|my) doctor))",
    subject="self",
    intent=True,
)
add(
    "family.bleeding",
    SH_SEVERE,
    SELF_HARM,
    r"(?:can not|cant|could not|couldnt|will not|wont|does not|doesnt|is not|isnt) (?:get (?:it|the bleeding) to )?"
    r"(?:stop|stopping) (?:the )?bleeding",
    r"(?:bleeding|blood) (?:will not|wont|does not|doesnt|is not|isnt) (?:stop|stopping|slowing)",
    needs="sh_context",
)
add(
    "family.giving_up",
    HOPELESS,
    HOPELESSNESS,
    r"(?:giving up|give up|gave up) on (?:everything|life|myself|it all|living|getting better|recovery)",
    r"(?:what is|whats|what s) (?:even )?the (?:point|use) (?:of|in) (?:living|life|going on|trying|being alive|existing|"
    r"any of (?:this|it))",
    r"(?:tired|exhausted|sick|worn out) (?:of|from) (?:fighting|fighting my own (?:brain|mind|head)|trying|struggling|"
    r"being (?:me|this way|like this))(?= *(?:[,.]|$|every|all|so|and|anymore))",
)
add(
    "family.secret_goodbye",
    FAREWELL,
    SUICIDE,
    r"(?:said|say|saying) (?:goodbye|bye) (?:to (?:\w+ ){1,3}?)?without (?:her|him|them|anyone|anybody|my \w+) "
    r"(?:knowing|realizing|realising|noticing)",
    subject="self",
)
add(
    "family.violence_armed",
    VIOLENCE_NOW,
    VIOLENCE,
    r"(?:has|got|pulled|took|is waving|waving|brought|grabbed|is holding|holding) (?:out )?(?:the|a|his|her|their) (?:gun|guns|"
    r"shotgun|rifle|pistol|knife|machete|bat|axe)(?: out)?(?= *(?:[,.]|$|and|right now|now|he|she|they|again))",
    r"(?:we are|we re|were|i am|im|i m) hiding (?:from (?:him|her|them|my \w+)|in (?:the|my|a) (?:closet|bathroom|room|basement|"
    r"attic|car))",
    needs="violence_context",
    unless=r"range|hunt\w*|deer|duck|season|cleaning|clean it|kitchen|cook\w*|chef|fishing|camping|game|hide and seek|"
    r"hide and go seek|surprise party|birthday",
)
add(
    "family.mass_violence",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:shoot up|shooting up|shoot it up|bomb|bombing|blow up|blowing up) (?:the|his|her|my|their|a|our) (?:school|work|office|"
    r"church|mall|class|classroom|party|store|job|workplace|campus|building)(?! (?:play|musical|game|photos?|pictures?|"
    r"portraits?|yearbook|video|film|dance|concert|show|chat|group chat|with (?:texts|messages|memes)))",
    unless=r"photo\w*|pictures?|video|film\w*|movie|music video|hoops|basketball|scene|commercial|wedding|portraits?|"
    r"the breeze|the shit",
)
add(
    "family.car_hose",
    ACT,
    SUICIDE,
    r"(?:hose|tube|pipe|vacuum hose) (?:\w+ ){0,3}?(?:in|into|through|from|to) (?:the |my )?(?:exhaust|tailpipe|tail pipe)",
    r"(?:hose|tube|vacuum hose) (?:\w+ ){0,3}?(?:in|into|through) (?:the |my )?(?:car |truck )?window(?= *(?:[,.]|$|and))",
    r"(?:in|inside) (?:the|my) (?:car|truck) (?:\w+ ){0,4}?(?:engine|motor) (?:on|running)(?: ,)? (?:\w+ ){0,3}?"
    r"(?:windows? (?:up|shut|closed)|garage|hose|tape)",
    subject="self",
)
add(
    "family.scheduled",
    IMPLICIT,
    SUICIDE,
    r"(?:texts|messages|emails|posts|letters|videos) (?:that |which )?(?:will|ll|are going to|is going to) (?:send|go out|post|"
    r"be sent|publish) (?:tomorrow|in the morning|after|when|once|at)",
    r"scheduled (?:\w+ ){0,2}?(?:texts|messages|emails|posts|goodbyes|them) (?:to (?:send|go out|post)|for (?:tomorrow|after|"
    r"the morning))",
    subject="self",
    alone=True,
    unless=r"remind\w*|potluck|meeting|birthday|appointment|event|party|marketing|newsletter|work|class|school|shift|"
    r"customers?|clients?|team",
)
add(
    "family.tell_loved",
    PREP,
    SUICIDE,
    r"(?:make sure|tell|let) (?:my )?(?:\w+ ){0,2}?(?:knows?|understands?) (?:that )?(?:i|her (?:mom|mother|dad|father|mama|"
    r"papa)|his (?:mom|mother|dad|father|mama|papa)) (?:loved|love|always loved|am sorry|never meant|did my best|tried)",
    subject="self",
)
add(
    "family.means_pic",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:sent|posted|texted|snapped|showed) (?:me |us |everyone )?(?:a |her |his )?(?:pic|picture|photo|video|snap) of "
    r"(?:\w+ ){0,2}?(?:a noose|the noose|a rope|<PILLS>|a gun|the gun|a razor|a blade)",
)
add(
    "family.wrists",
    IMPLICIT,
    SUICIDE,
    r"(?:looking|look|staring|stare|stared|looked) at my (?:wrists|wrist|veins|neck|arms)(?= *(?:[,.]|$|and|again|tonight))",
    subject="self",
)
add(
    "family.passive2",
    PASSIVE,
    SUICIDE,
    r"(?:hate|dread|dreading|hating) waking up(?= *(?:[,.]|$|every|each|in the|again|anymore))",
    r"(?:nobody|no one|noone) would (?:even )?(?:come to|show up (?:to|at|for)|go to|cry at|notice) my (?:funeral|death|grave)",
    r"(?:ones|thoughts|ideas|stuff|feelings) about (?:<ADV>)?(?:not being here|dying|ending it|not existing|killing "
    r"myself|suicide|not waking up)",
    unless=r"alarm|early|shift|5 ?am|6 ?am|lol|haha|coffee",
)
add(
    "family.hopeless2",
    HOPELESS,
    HOPELESSNESS,
    r"feel like i (?:am|m) (?:drowning|sinking|suffocating|dying inside|falling apart)(?= *(?:[,.]|$|and|inside|every))",
    r"(?:have not|havent|not) (?:left|gotten out of|got out of) (?:my )?(?:bed|room|apartment|house) (?:in|for) "
    r"(?:\d+|two|three|four|five|days|a week|weeks)",
    r"(?:can not|cant) keep (?:doing|going on like) this(?= *(?:[,.]|$|anymore|any more))",
    unless=r"flu|sick|covid|fever|cold|injur\w*|surgery|broke|broken|snow|storm|gaming|binge\w*|quarantin\w*|commute|job|"
    r"schedule|diet",
)
add(
    "family.relapse",
    RELAPSE,
    SUBSTANCE,
    r"(?:went|gone|going|go) back out(?= *(?:[,.]|$|after|again|last|yesterday|this|over))",
    r"(?:get|buy|score|find|grab|cop) (?:some |more )?(?:<DRUG>|<PILLS>|<BOOZE>|a bag|a bottle) without (?:my )?(?:\w+ )?"
    r"(?:knowing|finding out|noticing|seeing)",
    subject="self",
)
add(
    "family.housing_notice",
    HOUSING_LOSS,
    HOUSING,
    r"(?:\d+|thirty|sixty|ninety|three|five|ten|fourteen) day (?:notice|eviction)",
    r"notice to (?:vacate|quit|leave)",
    unless=r"work|job|boss|schedule|shift|employer|hr|resign\w*|put in|two weeks|contract|gym|membership",
)
add(
    "family.starve",
    SH,
    SELF_HARM,
    r"(?:starve|starving|starved|punish|punishing) (?:<SELF>)(?! to death)(?= *(?:[,.]|$|when|if|because|again|by|for|all))",
    subject="self",
)
add(
    "family.place_reached",
    LOCATION,
    SUICIDE,
    # the writer at or arrived at a place to fall from, with words between: "i'm outside on the ledge", "writing this
    # from the bridge", "just drove to the cliffs"
    r"(?<=i am )(?:\w+ ){0,3}?(?:on|at|from|by) (?:the |a |this |that |my )?(?:\w+ )?(?:ledge|edge|railing|rooftop|roof|"
    r"overpass|cliff|cliffs|quarry|tracks|train tracks|parapet)(?: of (?:my|the|a) \w+)?(?= *(?:[,.]|$|and|right now|now|"
    r"again|alone|tonight))",
    r"(?:writing|typing|texting) (?:this|you) (?:from|on) (?:the |a |this |that )?(?:\w+ )?(?:bridge|ledge|roof|rooftop|cliff|"
    r"overpass|tracks|edge)",
    r"(?:drove|walked|went|came|got|made it|am|i am) (?:out |up |down )?(?:to|at) (?:the|a) (?:cliffs|cliff|quarry|tracks|"
    r"overpass|bridge)(?= *(?:[,.]|$))",
    subject="self",
)
add(
    "family.final_words",
    IMPLICIT,
    SUICIDE,
    r"(?:the )?end of the (?:road|line) for me",
    r"i (?:made|have made) sure of it(?= *(?:[,.]|$))",
    r"(?:if|when|by the time) (?:you are|you re|youre|anyone is|someone is|you all are) reading this",
    r"(?:is|s) my (?:last|final) (?:day|night)(?= *(?:[,.]|$|on earth|alive|here))",
    subject="self",
    alone=True,
    unless=r"work|job|shift|school|class|semester|internship|vacation|trip|the sober house|rehab|detox|treatment|hospital|"
    r"congrats|lol|haha|post|thread|blog|newsletter",
)
add(
    "family.no_more_pain",
    FAREWELL,
    SUICIDE,
    r"no more (?:pain|suffering|hurting|struggling|fighting|of this) (?:after|by|from|starting) (?:tonight|today|tomorrow|"
    r"this weekend|midnight|morning)",
    subject="self",
)
add(
    "family.soft_words",
    SOFT_PREP,
    SUICIDE,
    r"(?:please )?(?:do not|dont) (?:be sad|cry for me|blame yourself|be mad at me|hate me|miss me)(?= *(?:[,.]|$|for|about|okay))",
    r"(?:love you|love ya|love u)(?= *(?:[,.]|$|all|guys|so much|always|forever))",
    r"(?:goodbye|bye) (?:mom|mum|dad|mama|papa|mommy|daddy|sis|bro|everyone|world|all)(?= *(?:[,.]|$))",
)
add(
    "family.under_water",
    ACT,
    SUICIDE,
    r"(?:going|go|stay|staying|stayed|put my head|putting my head|hold myself|holding myself) under (?:the )?(?:water|surface)"
    r"(?: \w+){0,5}? (?:and (?:staying|stay|not coming up|not come up)|until|till|for good|forever)",
    subject="self",
)
add(
    "family.poison",
    OD_ACT,
    OVERDOSE,
    r"(?:drank|chugged|swallowed|drinking|downed|drink|drunk|took) (?:some |a bottle of |a cup of |a glass of |the |half a bottle of )?"
    r"(?:antifreeze|bleach|rat poison|poison|drain cleaner|windshield (?:wiper )?fluid|pesticide|weed killer|lighter fluid|"
    r"gasoline|lye)",
)
add(
    "family.passive3",
    PASSIVE,
    SUICIDE,
    r"(?:would not|wouldnt|would not really) be (?:so |that |the worst |such a |too )?bad(?: thing)? (?:to|if i) (?:<ADV>)?"
    r"(?:not be here|die|died|not wake up|did not wake up|disappear|disappeared|be gone|was gone|not exist)",
    r"(?:wish|hope|hoping|pray) (?:i would|i d|i|to) (?:just )?(?:get|got) (?:in|into|hit by) (?:an |a )?(?:accident|crash|"
    r"wreck|car|bus|truck)",
    r"(?:do not|dont) care (?:whether|if) i (?:wake up|live|die|make it)",
    unless=r"lol|lmao|haha|jk|kidding|insurance|day off",
)
add(
    "family.burden2",
    BURDEN,
    (SUICIDE, HOPELESSNESS),
    r"(?:would|d|will) be (?:so )?(?:relieved|happier|better off|fine|okay|ok|glad|free) if i (?:was|were|am|m) "
    r"(?:gone|dead|not here|not around|gone for good)",
    r"(?:i am|im|i m|just) (?:such )?a waste of (?:space|air|oxygen|everyone s time|everyones time|everybody s time|"
    r"your time|their time|money)",
)
add(
    "family.hopeless3",
    HOPELESS,
    HOPELESSNESS,
    r"(?:the|what the) point (?:of|in) (?:any of )?(?:this|it all|anything|life|living|going on)(?= *(?:[,.]|$|is|anymore))",
    r"(?:can not|cant|do not|dont) see (?:any |a |some )?way (?:this|it|things|out|forward|that this|that things) "
    r"(?:gets?|will|could|is|ever)?",
)
add(
    "family.housing2",
    HOUSING_LOSS,
    HOUSING,
    r"(?:living|staying|sleeping) (?:in|at|out of) (?:a|the|my|our) (?:motel|car|shelter|tent|van)(?! (?:for (?:the|a) "
    r"(?:trip|weekend|conference|night|wedding)))",
    subject="self",
    unless=r"vacation|trip|conference|road trip|camping|festival|wedding|tournament|fun|lol|haha",
)
add(
    "family.voices",
    PSYCHOSIS_SIGN,
    PSYCHOSIS,
    r"(?:shadows|walls|tv|television|radio|trees|birds|things|people on tv|the news) (?:\w+ ){0,3}?(?:are |is |keep |started )?"
    r"(?:talking|whispering|speaking|sending messages|sending signals) to me",
)
add(
    "family.threat_now",
    VIOLENCE_NOW,
    VIOLENCE,
    r"(?:screaming|yelling|saying|shouting) (?:that )?(?:he|she|they) (?:is|s|are|re) (?:going to|gonna) (?:cut|stab|shoot|kill|"
    r"hurt|beat) (?:me|us|her|him|my \w+)",
)

VOCABULARY = EN.vocabulary()
RULES = EN.rules

__all__ = ["MACROS", "RULES", "VOCABULARY"]
