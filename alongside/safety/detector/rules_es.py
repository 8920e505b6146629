"""Spanish rules, written against normalised text: accents folded ("tomé" -> "tome", "año" -> "ano").

Spanish marks the person on the verb, so most rules settle who is at risk themselves: "me quiero
matar" is the writer, "se quiere matar" someone else, "me va a matar" a threat to the writer.
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
    OD_ACT,
    OD_SIGNS,
    OVERDOSE,
    PASSIVE,
    PLAN,
    PREP,
    PSYCHOSIS,
    PSYCHOSIS_SIGN,
    RELAPSE,
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
    "PASTILLAS": (
        r"(?:pastillas|pastilla|pildoras|pildora|medicamentos|medicinas|medicina|pastis|clonazepam|rivotril|"
        r"alprazolam|xanax|tafil|diazepam|valium|tramadol|paracetamol|ibuprofeno|insulina|antidepresivos|"
        r"somniferos|calmantes|tabletas|capsulas|fentanilo|heroina)"
    ),
    "MEDIOS": (
        r"(?:<PASTILLAS>|soga|cuerda|pistola|arma|revolver|rifle|escopeta|cuchillo|navaja|cuchilla|cuchillas|"
        r"gillette|veneno|raticida|cloro|cinturon|lazo)"
    ),
    "TIEMPO": (
        r"(?:esta noche|hoy|hoy mismo|ahorita|ahora mismo|manana|pasado manana|este fin de semana|"
        r"el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|cuando (?:todos|todas|todo el mundo|"
        r"mi (?:familia|esposo|esposa|mama|papa)) (?:se )?(?:duerman|duerma|esten dormidos|se vayan|salgan)|"
        r"en (?:un rato|una hora|unas horas)|al rato|en la noche|hoy en la noche|esta madrugada|de madrugada|ya mismo)"
    ),
    "ALTURA": (
        r"(?:puente|azotea|techo|edificio|balcon|ventana|barranco|acantilado|piso \d+|vias del tren|"
        r"las vias|el tren|un tren|metro|cornisa)"
    ),
}

ES = RuleSet("es", MACROS)
add = ES.add

# --------------------------------------------------------------------------- suicidio: actos y métodos
add(
    "suicidio.yo",
    ACT,
    SUICIDE,
    r"me (?:voy|quiero|pienso|tengo que|debo|puedo|gustaria|iba|dan ganas de) (?:a )?(?:matar|suicidar|"
    r"quitar la vida|colgar|ahorcar|(?:tirar|aventar|avantar|lanzar|arrojar|echar) (?:del|de un|de una|de la|por|al|a las|a la|"
    r"bajo|desde|a un))",
    r"me (?:tiro|aviento|avento|lanzo|arrojo|echo|tirare|aventare|lanzare) (?:del|de un|de una|de la|al|a las|a la|por|desde|"
    r"bajo|frente al|frente a un)",
    r"(?:poner|ponerle|pongo|le pongo|pondre|le pondre|voy a poner|voy a ponerle|le voy a poner) fin a "
    r"(?:mi vida|todo|mi existencia|esto)",
    r"(?:matarme|suicidarme|quitarme la vida|ahorcarme|colgarme|acabar con mi vida|terminar con mi vida|"
    r"acabar con todo|terminar con todo|tirarme (?:del|de un|de una|de la|por|al|a las|a la|bajo|desde)|"
    r"aventarme (?:del|de un|de la|al|a las)|lanzarme (?:del|de un|de la|al|a las)|envenenarme|"
    r"pegarme un tiro|darme un tiro|cortarme las venas)",
    r"(?:me mato|me suicido|me matare|me suicidare|me quito la vida|me voy a quitar la vida|me cuelgo|me ahorco|"
    r"me tiro (?:del|de un|de la|al|a las|por))",
    r"(?:termino|acabo|terminare|acabare|voy a terminar|voy a acabar) con (?:todo|mi vida)(?= *(?:[,.]|$|hoy|ya|esta|de una))",
    r"me (?:corte|corto|voy a cortar|cortare|abri) las venas",
    r"(?:voy a|quiero|pienso) (?:terminar|acabar) con todo",
    r"(?:voy a|quiero|me voy a|pienso|estoy por) (?:saltar|aventarme|tirarme|lanzarme|brincar)(?= *(?:[,.]|$|ya|hoy|ahora|esta))",
    r"(?:motor|carro|coche|auto) (?:prendido|encendido|andando|en marcha) (?:\w+ ){0,3}?(?:garaje|cochera)",
    r"(?:garaje|cochera) cerrad[oa] con (?:el )?(?:motor|carro|coche|auto) (?:prendido|encendido|andando)",
    subject="self",
)
add(
    "suicidio.otro_intencion",
    ACT,
    SUICIDE,
    r"se (?:va|van|quiere|quieren|piensa|piensan|esta por|esta a punto de) (?:a )?(?:matar|suicidar|quitar la vida|"
    r"colgar|ahorcar|tirar (?:del|de|al|por|a)|aventar|cortar las venas|envenenar|pegar un tiro|dar un tiro)",
    r"(?:va a|van a|quiere|piensa|amenaza con|amenazo con|amenazando con|esta por|dice que va a|dijo que va a) "
    r"(?:matarse|suicidarse|quitarse la vida|ahorcarse|colgarse|tirarse|aventarse|envenenarse|cortarse las venas|"
    r"acabar con su vida|terminar con su vida)",
    r"(?:dice|dijo|me dijo|me escribio|escribio|me mando|mando|publico|puso) (?:\w+ ){0,3}?que se "
    r"(?:va a (?:morir|matar|suicidar|quitar la vida)|quiere (?:matar|suicidar|quitar la vida))",
    subject="other",
    intent=True,
)
add(
    "suicidio.otro",
    ACT,
    SUICIDE,
    r"se (?:iba|queria|quiso|intento) (?:a )?(?:matar|suicidar|quitar la vida|colgar|ahorcar|tirar (?:del|de|al|por))",
    subject="other",
    tense="past",
)
add(
    "suicidio.otro_palabra",
    ACT,
    SUICIDE,
    r"(?:matarse|suicidarse|quitarse la vida|ahorcarse|colgarse|acabar con su vida|terminar con su vida)",
    subject="other",
)
add(
    "suicidio.otro_pasado",
    ACT,
    SUICIDE,
    r"se (?:mato|suicido|quito la vida|ahorco|colgo)",
    subject="other",
    tense="past",
)
add(
    "suicidio.intento",
    ACT,
    SUICIDE,
    r"(?:intente|trate de|quise|intento|intentaste) (?:matarme|suicidarme|quitarme la vida|ahorcarme)",
    r"(?:mi |un |el )?intento de suicidio",
    subject="self",
    tense="past",
)
add(
    "suicidio.estado",
    STATE,
    SUICIDE,
    r"(?:pienso|pensando|he pensado|pense|pensaba|estoy pensando|sigo pensando) (?:mucho )?en (?:matarme|suicidarme|quitarme la vida|"
    r"morirme|la muerte|morir|el suicidio|desaparecer)",
    r"(?:estoy|me siento|ando) (?:muy )?suicida",
    subject="self",
)
add(
    "suicidio.ideas",
    STATE,
    SUICIDE,
    r"(?:pensamientos|ideas|ideacion) (?:suicidas|suicida|de suicidio|de matarme|de morir|de muerte)",
)
add(
    "suicidio.palabra",
    STATE,
    SUICIDE,
    r"(?:mi |el )?suicidio(?! (?:prevencion|asistido))",
)

# --------------------------------------------------------------------------- deseos de morir
add(
    "morir.deseo",
    PASSIVE,
    SUICIDE,
    r"(?:me )?(?:quiero|quisiera|queria|kiero) (?:morir|morirme)|me quiero morir|me queria morir",
    r"(?:quiero|quisiera) estar muert[oa]",
    r"(?:ojala|quisiera|desearia|deseo|ruego) (?:que )?(?:no )?(?:me )?(?:muera|muriera|morir(?:me)?|despertar|"
    r"despierte|despertara|estar muert[oa]|estuviera muert[oa]|haber nacido|desaparecer|existir|dejar de existir)",
    r"(?:seria|estaria|estarian|estaria) mejor (?:estar )?muert[oa]|mejor (?:estar )?muert[oa]",
    r"(?:dormir(?:me)?) y (?:ya )?no (?:volver a )?despertar(?:me)?",
    r"(?:le )?(?:pido|ruego|rezo|pedi|rogue|pidiendo|rogando) a dios (?:que )?(?:ya )?me (?:lleve|recoja|quite la vida|"
    r"deje morir|lleve con el)",
    r"(?:que )?dios me (?:lleve|recoja) (?:ya|pronto|de una vez|mientras duermo)",
    r"(?:dormir(?:me)?|descansar|irme) para siempre",
    r"no despertar(?:me)? (?:nunca|mas|manana)",
    r"(?:quiero|quisiera) desaparecer|desaparecer para siempre|desaparecer (?:del mapa|de este mundo)",
    r"(?:no|ya no) (?:quiero|tengo ganas de) (?:seguir )?(?:vivir|viviendo|despertar|existir|estar aqui|seguir aqui|"
    r"seguir en este mundo)",
    r"(?:cansad[oa]|hart[oa]) de vivir",
    r"no (?:vale|tiene) (?:la pena|sentido) vivir",
    r"ganas de morir(?:me)?",
    r"me quiero ir de este mundo",
    r"dejar de existir",
    subject="self",
)
add(
    "morir.otro",
    PASSIVE,
    SUICIDE,
    r"se (?:quiere|queria) morir|quiere morirse|queria morirse|(?:quiere|queria) estar muert[oa]",
    r"(?:ya )?no quiere (?:seguir )?(?:vivir|viviendo|existir|estar aqui|seguir aqui|despertar)",
    subject="other",
)
add(
    "carga",
    BURDEN,
    SUICIDE,
    r"(?:soy|me siento|siento que soy) (?:una|un) (?:carga|estorbo)",
    r"(?:estarian|estaria|estan|estaran|estarian todos) mejor sin mi",
    r"nadie me (?:va a )?(?:extranaria|extranara|extrana|extranar|echaria de menos|echara de menos|echar de menos)",
    r"(?:les|le|nomas les|solo les) estorbo|(?:soy|seria) un estorbo",
    r"a nadie le (?:importaria|importa|va a importar) (?:si|que) (?:me muero|muera|desaparezca|no estoy)",
    subject="self",
)
add(
    "desesperanza",
    HOPELESS,
    HOPELESSNESS,
    r"(?:ya )?no (?:aguanto|soporto|puedo)(?: mas| esto| nada| con (?:esto|mi vida|la vida|todo))?"
    r"(?= *(?:[,.]|$|mas|esto|nada|vivir|con|la vida|mi vida|este dolor|todo|tanto|y|porque|jaja)(?! *jaja))",
    r"no puedo mas",
    r"no (?:le )?(?:veo|encuentro) (?:ningun )?sentido",
    r"(?:la vida|mi vida|todo|nada) (?:no )?(?:tiene|tiene ningun) sentido",
    r"(?:no tengo|perdi la|perdi toda|sin|ya no tengo) (?:ninguna )?esperanza",
    r"nada (?:va a|vaya a) (?:mejorar|cambiar)|nunca va a (?:mejorar|cambiar)",
    r"(?:estoy|me siento|ando) (?:hart[oa]|cansad[oa]) de todo",
    r"me rindo|(?:ya )?me rendi",
    r"para que (?:sigo|seguir|sigo intentando|sigo luchando|sigo viviendo|sigo aqui|vivo)(?= *(?:[,.]|$|si|intentando|"
    r"luchando|viviendo|aqui))",
    r"no tengo (?:por que|para que|razon(?:es)? para) vivir",
    r"no hay salida",
    r"(?:estoy|me siento) (?:sin salida|atrapad[oa])",
    r"no sirvo para nada",
    r"no (?:se|sé) (?:cuanto|por cuanto) (?:tiempo )?(?:mas )?(?:voy a|pueda|puedo|podre) (?:aguantar|soportar|seguir)",
    subject="self",
)

# --------------------------------------------------------------------------- preparativos
add(
    "despedida",
    FAREWELL,
    SUICIDE,
    r"(?:carta|cartas|nota|notas|mensaje) de despedida",
    r"esto es (?:un )?adios",
    r"(?:manana|pronto|despues de hoy|despues de esta noche) (?:ya )?no voy a estar",
    r"ya no voy a estar(?: aqui| mas| para| manana| con ustedes)?(?= *(?:[,.]|$|aqui|manana|mas|para|con))",
    r"no (?:voy a|creo) (?:llegar|pasar|sobrevivir) (?:a|de|esta) (?:manana|la noche|esta noche|el fin)",
    r"ya no (?:me )?van a (?:ver|saber de mi)",
    r"(?:ya )?no voy a seguir (?:aqui|vivo|viva|viviendo|en este mundo)",
)
add(
    "preparativos.cartas",
    PREP,
    SUICIDE,
    r"(?:escribi|deje|escribiendo|termine|he escrito|les escribi|le escribi) (?:las|unas|mis|una|la) "
    r"(?:cartas|carta|notas|nota)(?! (?:a mi yo|para mi yo|de (?:agradecimiento|cumpleanos|navidad|amor)))",
)
add(
    "preparativos.dejadas",
    SOFT_PREP,
    SUICIDE,
    r"(?:para|a) (?:mi familia|mis hijos|mi mama|mi papa|mis papas|todos|cada uno|mi esposa|mi esposo|mis hermanos)",
    r"(?:en|sobre|debajo de|bajo) (?:la|el|mi) (?:mesa|cajon|cama|almohada|escritorio|buro|puerta|guantera)",
    r"(?:las|los|la|lo) (?:van a|vayan a|van) (?:encontrar|leer)|(?:ya )?(?:lo|me) (?:van a|vayan a) entender",
)
add(
    "preparativos.ultimo",
    FAREWELL,
    SUICIDE,
    r"(?:este es|esta es|es|sera|va a ser|aqui va) mi (?:ultimo|ultima) (?:mensaje|post|publicacion|carta|texto|"
    r"despedida)",
    unless=r"hasta manana|nos vemos|me voy a dormir|por hoy|de hoy|del dia|de la noche|en el trabajo|del ano|"
    r"cigarro|trago|turno|examen|clase",
)
add(
    "preparativos.no_ser_problema",
    FAREWELL,
    SUICIDE,
    r"(?:ya )?no (?:voy a|vaya a) (?:ser|seguir siendo) (?:un |una )?(?:problema|carga|estorbo|molestia) "
    r"(?:para nadie|para ustedes|para ti|para mi familia|nunca mas|por mucho tiempo)",
    r"(?:pronto|muy pronto|despues de hoy|manana) (?:ya )?no (?:voy a|vaya a) (?:ser|estar|molestar)",
    r"ya no (?:los|las|te|lo|la) voy a molestar(?: mas| nunca mas)?",
    r"no (?:van a|vas a) (?:volver a )?saber (?:nada )?de mi",
)
add(
    "preparativos.no_necesitar",
    IMPLICIT,
    SUICIDE,
    r"no voy a estar (?:aqui |viv[oa] |con ustedes )?(?:manana|pasado manana|el (?:lunes|martes|miercoles|jueves|viernes|"
    r"sabado|domingo)|para (?:navidad|tu cumple|su cumple|el fin))(?! (?:porque|por que|por el|por la|voy|me voy|salgo|"
    r"tengo|trabajo))",
    r"no (?:lo|la|los|las)? ?(?:voy a|vaya a) necesitar",
    r"ya no (?:lo|la|los|las) (?:necesito|voy a necesitar)",
    r"(?:ya )?(?:saben|sabes|se imaginan|te imaginas|imaginense) (?:para que|pa que|lo que sigue|que sigue)",
    r"(?:ya )?se (?:lo que|que) (?:voy a|tengo que) hacer(?= *(?:[,.]|$|con))",
    r"ya no voy a poder(?= *(?:[,.]|$|mas|seguir))",
    r"no (?:se|sé) si (?:bajar|bajarme|regresar|volver)(?= *(?:[,.]|$|o|de))",
    r"(?:cuando|si) (?:ya )?no (?:este|estoy)(?= *(?:[,.]|$|aqui|yo))",
    r"nadie sabe (?:donde|para que|que)",
)
add(
    "preparativos.momento",
    TIMING,
    SUICIDE,
    r"(?:hoy|esta noche|manana|este es|este sera|sera|es) (?:es |sera )?(?:la noche|el dia|el momento)(?= *(?:[,.]|$))",
    r"(?:hoy|esta noche|manana|pronto|ya) se (?:acaba|termina|acabara|terminara) todo",
    r"(?:ya )?(?:llego|es) (?:la hora|el momento)(?= *(?:[,.]|$))",
)
add(
    "preparativos.solo",
    SOFT_PREP,
    SUICIDE,
    r"(?:todos|todo el mundo|mi familia|mis papas|mis padres|los ninos|mi esposo|mi esposa|mi mama|mi papa) "
    r"(?:ya )?(?:estan|esta|se) (?:dormidos|dormidas|dormido|dormida|durmieron|durmio|acostaron|fueron|salieron)",
    r"(?:estoy|me quede) (?:sol[oa]|sol[oa] en (?:la )?casa)(?= *(?:[,.]|$|esta noche|hoy|todo el fin))",
)
add(
    "preparativos.no_contesta",
    PREP,
    SUICIDE,
    r"(?:ya )?no (?:me )?(?:contesta|responde|contesto|respondio|agarra|coge|levanta)(?: (?:el|su|mis|los|las) "
    r"(?:telefono|celular|cel|mensajes|llamadas|whatsapp))?(?= *(?:[,.]|$|y|desde|nada))",
    r"(?:tiene|trae) (?:el|su) (?:telefono|celular|cel) apagado|(?:su|el) (?:telefono|celular|cel) (?:esta )?apagado",
    r"(?:dejo|deja|dejaron|ha dejado) de (?:contestar|responder|contestarme|responderme)",
    r"no (?:lo|la|los) (?:encuentro|encontramos|puedo encontrar|localizo)",
)
add(
    "preparativos.despedida",
    PREP,
    SUICIDE,
    r"(?:ya )?me despedi de (?:todos|todas|todo el mundo|mi familia|mis hijos)",
    r"se (?:despidio|despide|esta despidiendo|anda despidiendo) de (?:todos|todas|todo el mundo|su familia|nosotros)",
    r"no me (?:busquen|busques|llamen|sigan buscando)",
    r"(?:le |les )?(?:deje|dejo|encargue|encargo) (?:a )?mis? (?:perro|perrita|gato|gatita|mascota|mascotas|hijo|hija|hijos) "
    r"(?:a|con) ",
    r"adios a todos",
)
add(
    "preparativos.regalar",
    PREP,
    SUICIDE,
    r"(?:regale|regalando|regalar|di|doy|estoy regalando) (?:todas )?mis cosas",
    r"(?:regale|he regalado|estoy regalando|regalando|ya regale) (?:todas? )?(?:mis?|las|los) (?:\w+ )?(?:cosas|ropa|"
    r"guitarra|libros|perro|perrita|gato|gatita|mascota|juegos|discos|herramientas|joyas|pertenencias|carro|bici|"
    r"computadora|celular|consola|tenis|zapatos|videojuegos|play)",
)
add(
    "preparativos.cuiden",
    PREP,
    SUICIDE,
    r"(?:cuiden|cuida|cuidan|cuidaran|cuidar) (?:a )?mi (?:perro|gato|hijo|hija|mama|familia|hijos|mascota)",
)
add(
    "preparativos.perdon",
    SOFT_PREP,
    SUICIDE,
    r"perdon(?:en)? por todo",
    r"los (?:quiero|amo) (?:a todos|mucho)(?= *(?:[,.]|$))",
    r"gracias por todo(?= *(?:[,.]|$))",
)
add(
    "preparativos.decidido",
    TIMING,
    SUICIDE,
    r"ya (?:esta|estoy) (?:decidido|decidida)",
    r"ya lo (?:decidi|tengo decidido)",
    r"ya decidi",
)
add(
    "preparativos.plan",
    PLAN,
    SUICIDE,
    r"(?:ya )?tengo todo (?:listo|planeado|preparado)",
    r"tengo un plan",
)
add(
    "medios.fuertes",
    MEANS_STRONG,
    SUICIDE,
    r"(?:<PASTILLAS>) (?:juntas|guardadas|listas|contadas|escondidas)",
    r"(?:juntando|guardando|junte|guarde|ahorrando|escondiendo|escondi|acumulando|acumule) (?:las |mis |todas las |"
    r"todas mis )?(?:<PASTILLAS>)",
    r"(?:ya )?(?:tengo|compre|consegui|amarre|prepare) (?:la|una) soga"
    r"(?! (?:para (?!(?:mi|matarme|colgarme|ahorcarme|acabar|terminar|eso|hacerlo|lo que|cuando))|de (?:saltar|brincar)))",
    r"(?:tengo|traigo) (?:guardadas|juntas|escondidas|ahorradas|acumuladas) (?:como |mas de |unas |casi )?(?:\d+ )?(?:<PASTILLAS>)",
    r"(?:estoy|ando) (?:parad[oa]|sentad[oa]) (?:en|al) (?:el )?(?:borde|barandal|cornisa)",
)
add(
    "medios.tengo",
    MEANS_HAVE,
    SUICIDE,
    r"(?:ya )?(?:tengo|compre|consegui|agarre|traigo|tiene|pedi|saque|tome prestad[oa]) (?:la |las |el |los |una |un |"
    r"mis |todas las |todas mis |suficientes )?(?:<MEDIOS>)",
    r"(?:<MEDIOS>) suficientes",
)
add(
    "medios.en_mano",
    MEANS_AT_HAND,
    SUICIDE,
    r"(?:<MEDIOS>) (?:aqui |ahi |ya )?(?:en (?:mi|la|las|mis) manos?|junto a mi|enfrente de mi|frente a mi|a mi lado|"
    r"en mi regazo|sobre la cama|en la mesa)",
    r"(?:tengo|traigo|agarro|sostengo|tiene|trae) (?:la |las |el |los |una |un |mis )?(?:<MEDIOS>) (?:de (?:mi |su |el |la )?\w+ )?"
    r"(?:aqui |ahi )?(?:en (?:la|mi|las|mis|su|sus) manos?|conmigo)",
)
add(
    "preparativos.lo_hago",
    IMPLICIT,
    SUICIDE,
    r"(?:hoy|esta noche|manana|ahorita|ya|hoy en la noche|ahora) (?:mismo )?(?:lo hago|lo voy a hacer|lo hare|me toca)"
    r"(?= *(?:[,.]|$|ya|de una|por fin))",
    r"(?:voy a|pienso|estoy list[oa] para|ya me decidi a) hacerlo(?= *(?:[,.]|$|hoy|esta noche|ya|manana|ahorita))",
)
add(
    "medios.lugar",
    LOCATION,
    SUICIDE,
    r"(?:estoy|ando|sigo|me subi a|subi a|llegue a|me fui a|estoy parad[oa] en|estoy sentad[oa] en) (?:en |arriba de |"
    r"arriba del |sobre )?(?:el |la |las |un |una |al )?(?:<ALTURA>)(?! (?:con (?:mis|amigos)|viendo (?:el|la) (?:partido|"
    r"atardecer|vista)))",
)

# --------------------------------------------------------------------------- autolesiones
add(
    "autolesion",
    SH,
    SELF_HARM,
    r"cortarme(?! el (?:pelo|cabello)| las unas)",
    r"me (?:corte|corto|cortaba|estoy cortando|voy a cortar|quiero cortar|vuelvo a cortar|volvi a cortar)"
    r"(?! (?:el|mi) (?:pelo|cabello|dedo)| cocinando| con (?:el|un) papel)",
    r"cortandome",
    r"(?:hacerme|me hice|me hago|me voy a hacer|hacerme mucho) dano",
    r"lastimarme|me (?:lastime|lastimo)(?! (?:el|la) (?:pie|rodilla|espalda|tobillo|mano|brazo))",
    r"quemarme|me queme(?! (?:cocinando|con la estufa|con el sol|al sol|con (?:el|la) (?:sarten|plancha|horno)))",
    r"autolesion\w*",
    subject="self",
)
add(
    "autolesion.grave",
    SH_SEVERE,
    SELF_HARM,
    r"no (?:para|deja) de sangrar",
    r"(?:mucha|tanta) sangre",
    r"(?:muy )?profundo",
    r"(?:necesito|necesitar) puntos",
    needs="sh_context",
    subject="self",
)

# --------------------------------------------------------------------------- sobredosis
add(
    "sobredosis.tome",
    OD_ACT,
    OVERDOSE,
    r"(?:me )?(?:tome|trague|tomo|tomare|tomar|tragar|tragarme|tomarme|tomando|me estoy tomando) "
    r"(?:como |mas de |unas |unos |casi )?(?:todas|todos|[6-9]|[1-9]\d+|un monton de|muchas|demasiadas|"
    r"el frasco|la caja|el bote|un frasco|una caja|un bote|un blister|una tira|toda la caja|todo el frasco|"
    r"todas mis|todas las|las \d+|treinta|veinte|cuarenta|"
    r"cincuenta|quince|diez)(?: (?:las|mis|sus|de|de mis|de las))? ?(?:<PASTILLAS>)?"
    r"(?! ?(?:de )?(?:jugo|leche|cereal|galletas|chocolates?|agua|refrescos?|cervezas?|chelas|vino|pizza|helado|te|cafe|dulces|"
    r"kleenex|panuelos|pan|sopa|atole))",
    r"me las (?:tomo|tome|voy a tomar|trague|tomare) todas",
    r"(?:me )?(?:inyecte|inyecto|meti|meto|consumi|tome) todo lo que (?:tenia|tengo|habia)",
    subject="self",
)
add(
    "sobredosis.otro",
    OD_ACT,
    OVERDOSE,
    r"se (?:tomo|trago|inyecto|metio) (?:todas|todo|un monton|muchas|demasiadas|\d+|el frasco)",
    subject="other",
)
add(
    "sobredosis.palabra",
    OD_ACT,
    OVERDOSE,
    r"sobredosis(?! de (?:azucar|cafe|chocolate|series|memes))",
    tense="past",
)
add(
    "sobredosis.senales",
    OD_SIGNS,
    OVERDOSE,
    r"no respira|(?:esta|sigue) inconsciente|no (?:despierta|reacciona|responde)(?= *(?:[,.]|$|y|por))",
    r"(?:labios|cara|unas) (?:morados|azules|morada|azul)|se (?:puso|esta poniendo) (?:morad[oa]|azul)",
    r"respira (?:muy )?(?:lento|poco|raro|despacio)",
)
add(
    "sobredosis.senales_yo",
    OD_SIGNS,
    OVERDOSE,
    r"no puedo (?:mantener los ojos abiertos|respirar bien|moverme)",
    r"no siento (?:las manos|las piernas|el cuerpo|los brazos)",
    needs="drug_context",
    subject="self",
)

# --------------------------------------------------------------------------- consumo
add(
    "consumo.recaida",
    RELAPSE,
    SUBSTANCE,
    r"(?:recai|recaida|recaido|recayendo|recaigo)(?! (?:en (?:las|la) (?:autolesiones|cortadas)))",
    r"volvi a (?:consumir|tomar|beber|usar|drogarme|fumar|inyectarme|meterme|caer)",
    r"(?:de nuevo|otra vez) en el (?:dia|día) (?:uno|1|cero)",
    subject="self",
)
add(
    "consumo.uso",
    USE,
    SUBSTANCE,
    r"(?:me )?(?:drogue|emborrache|puse hasta atras|puse peda|puse pedo|puse bien borracho|puse bien borracha)",
    r"me (?:meti|meto|fume|inyecte|di) (?:un |una |unos |unas |otra vez |de nuevo )?(?:cristal|coca|cocaina|perico|mota|"
    r"heroina|droga|drogas|piedra|toque|toques|pase|pases|linea|lineas|foco|vidrio|fentanilo|fenta|tachas|jale|pipazo)",
    r"(?:estoy|sigo|ando) (?:consumiendo|tomando|bebiendo|drogandome)(?: otra vez| de nuevo| todos los dias)",
    subject="self",
)
add(
    "consumo.ganas",
    CRAVING,
    SUBSTANCE,
    r"(?:ganas|muchas ganas|muchisimas ganas|deseo|antojo) de (?:consumir|tomar|beber|drogarme|usar|fumar|"
    r"inyectarme|meterme|una cerveza|un trago|alcohol)(?! (?:un |una )?(?:cafe|agua|te|algo de comer|una siesta|"
    r"el sol|aire|fotos|clase|vacaciones|leche|jugo|refresco))",
    subject="self",
)

# --------------------------------------------------------------------------- abuso y amenazas
add(
    "abuso",
    ABUSE_ACT,
    ABUSE,
    r"me (?:pega|pego|pegan|golpea|golpeo|golpean|empuja|empujo|ahorca|ahorco|viola|violo|violaron|abusa|abuso|"
    r"abusaron|maltrata|maltrato|insulta|insulto|patea|pateo|jalonea|encierra|encerro|quita el dinero|"
    r"revisa el (?:celular|telefono)|controla|humilla|amenaza|amenazo)",
    r"(?:me tiene|estoy) (?:encerrad[oa])",
    r"no me deja (?:salir|ver|tener|trabajar|hablar|usar|ir|estudiar|comer|dormir|llamar)",
    r"violencia (?:domestica|familiar|intrafamiliar)",
    r"abusaron de mi|abuso sexual",
    subject="self",
)
add(
    "amenaza",
    THREAT,
    (ABUSE, VIOLENCE),
    r"(?:me|nos) (?:va|van|quiere|quieren|iba|amenazo con|amenaza con) (?:a )?matar",
    r"amenazo con matar(?:me|nos)",
    r"dice que (?:me|nos) va a matar",
    r"(?:dice|dijo|grita|grito|amenaza) (?:que )?(?:\w+ ){0,3}?(?:me|nos) (?:mata|matara|mataria) (?:a todos)?",
    r"(?:miedo|temo) (?:de )?que me mate",
    subject="self",
)
add(
    "violencia.intencion",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:lo|la|los|las) (?:voy a|pienso) matar",
    r"voy a (?:matarl[oa]s?|apunalarl[oa]|dispararle|matar a (?:mi|ese|esa|todos))",
)
add(
    "violencia.ganas",
    VIOLENCE_URGE,
    VIOLENCE,
    r"(?:lo|la|los|las) quiero matar",
    r"(?:quiero|ganas de|tengo ganas de) (?:matarl[oa]s?|apunalarl[oa]|golpearl[oa])",
)

# --------------------------------------------------------------------------- psicosis
add(
    "psicosis",
    PSYCHOSIS_SIGN,
    PSYCHOSIS,
    r"(?:escucho|oigo|escuchando|oyendo) voces",
    r"las voces (?:me )?(?:dicen|ordenan|piden|hablan|regresaron|volvieron)",
    r"me (?:estan|andan|esta|anda) (?:vigilando|siguiendo|espiando|grabando|envenenando)",
    r"(?:camaras|microfonos|un chip) en (?:mi|la) (?:casa|cuarto|cabeza|pared)",
    r"(?:la tele|el radio|la radio|el celular) me (?:habla|manda mensajes)",
)
add(
    "psicosis.ordenes",
    COMMAND,
    (PSYCHOSIS, SUICIDE),
    r"(?:voz|voces|dios|el diablo|el demonio|los demonios) (?:\w+ ){0,4}?(?:me )?(?:dicen|dice|ordenan|ordena|piden|pide|mandan|manda) que (?:me )?"
    r"(?:mate|haga dano|corte|tire|aviente|avente|lance|arroje|eche|lastime|ataque|apunale|lastime a|queme|ahorque|envenene)",
)

# --------------------------------------------------------------------------- vivienda
add(
    "vivienda",
    HOUSING_LOSS,
    HOUSING,
    r"desalo\w+",
    r"(?:me|nos) (?:van a|quieren|estan por|amenazan con) (?:sacar|correr|echar)",
    r"(?:me|nos) (?:echaron|corrieron|sacaron) (?:de|del)",
    r"(?:vivo|duermo|durmiendo|viviendo|estoy|dormir|dormi|vivimos|dormimos) en (?:la calle|mi carro|mi coche|"
    r"el carro|el coche|un albergue|un refugio|la banca|el parque)",
    r"sin (?:hogar|casa|techo)",
    r"(?:no tengo|sin|no tenemos) (?:a )?(?:donde|adonde|lugar (?:donde|para)) (?:ir|dormir|vivir|quedarme|llegar)",
    r"(?:voy a |vamos a )?perder (?:mi|la|nuestra) (?:casa|vivienda|departamento|depa|piso|cuarto)",
    r"no (?:puedo|pude|alcanzo a|podemos) pagar (?:la |el )?(?:renta|alquiler)",
    r"(?:me|nos) (?:dieron|dio|dan|da) (?:\w+ ){0,5}?(?:para|pa) (?:salir(?:me|nos)?|irme|irnos|desocupar|mudarme|mudarnos)"
    r"(?= *(?:[,.]|$|del|de la|de aqui|de la casa))",
    r"(?:me|nos) (?:dieron|dio|dan|da|quedan) (?:\w+ ){0,3}?(?:para|pa) (?:salir|salirme|salirnos|irme|irnos|desocupar|"
    r"dejar) (?:el|la|del|de la|de mi|mi) (?:cuarto|casa|depa|departamento|apartamento|piso|lugar|renta)",
    r"(?:tengo|tenemos) que (?:salir(?:me|nos)?|irme|irnos|desocupar) (?:del|de la|de mi|el|la) (?:cuarto|casa|depa|"
    r"departamento|apartamento|piso) (?:antes|para|en|el)",
    r"(?:el dueno|la duena|el casero|la casera|el landlord) (?:me|nos) (?:corrio|saco|echo|quiere sacar|quiere correr|"
    r"va a sacar|va a correr|dio (?:\w+ ){0,2}para salir)",
    subject="poss",
)

# --------------------------------------------------------------------------- acoso
add(
    "acoso",
    HARASS,
    HARASSMENT,
    r"matate|suicidate|muerete",
    suppresses=(SUICIDE,),
)

# --------------------------------------------------------------------------- modismos
add(
    "modismo.morir",
    IDIOM,
    (),
    r"me (?:muero|mori|estoy muriendo|morire) (?:de|por) (?:la )?(?:risa|hambre|sueno|frio|calor|ganas|verguenza|"
    r"aburrimiento|cansancio|nervios|envidia|amor|curiosidad|sed|emocion|\w+)",
    r"(?:muerto|muerta|muertos|muertas) de (?:cansancio|risa|hambre|sueno|frio|miedo|verguenza|calor|sed)",
    r"se (?:murio|me murio|muere|esta muriendo) (?:mi|el|la) (?:celular|telefono|movil|bateria|compu|computadora|"
    r"laptop|carro|coche|planta|plantas|cargador|tele)",
    r"me mori(?= *(?:[,.]|$|jaja|lol))",
)
add(
    "modismo.matar",
    IDIOM,
    (),
    r"(?:me|nos) (?:esta |estan )?(?:mata|matando|matan)(?: de (?:risa|cansancio|hambre|calor))?"
    r"(?= *(?:[,.]|$|la|el|este|esta|jaja|lol|de))(?! (?:la|el) (?:pistola|cuchillo))",
    r"(?:este|esta|el|la|estos|estas) (?:\w+ ){1,2}(?:me )?(?:esta |estan )?(?:matando|mata|matan)(?! (?:con|a))",
    r"(?:el|la|este|esta|mi|estos|estas|los|las) (?:examen|examenes|tarea|tareas|clase|trabajo|calor|frio|trafico|jefe|jefa|"
    r"maestra|maestro|profe|mama|papa|suegra|tesis|proyecto|semestre|lunes|junta|entrega) (?:\w+ ){0,3}?(?:me|nos) "
    r"(?:va|van) a matar(?! con)",
    r"me (?:va|van) a matar (?:si|cuando|por)(?! (?:la|el) (?:pistola|cuchillo))",
    r"me (?:mato|mataron|mata|mataste) (?:de|del) (?:susto|risa|miedo|coraje|sueno|hambre|verguenza|cansancio|aburrimiento)",
    r"mataria por",
    r"me mato de (?:risa|cansancio|hambre|calor)",
    r"(?:me|nos) (?:va|van) a matar de (?:un )?(?:susto|coraje|risa|infarto|un infarto|los nervios|verguenza|"
    r"hambre|aburrimiento)",
    r"matar el tiempo|matar dos pajaros",
    r"(?:mi )?(?:mama|mamá|papa|jefe|jefa|esposa|esposo) me (?:va a )?matar cuando",
    unless=r"pistola|cuchillo|arma|navaja|machete|escopeta|rifle|revolver|fusca|amenaz\w*|golpe\w*|pega|miedo|policia|"
    r"denuncia|en la mano",
)

# --------------------------------------------------------------------------- temas
add(
    "tema",
    TOPIC,
    (),
    r"prevencion (?:del |de )?(?:suicidio|recaidas|sobredosis|la recaida|las recaidas)",
    r"(?:murio|murieron|fallecio|perdimos|perdi a \w+) (?:\w+ ){0,3}?(?:de|por) (?:una )?(?:sobredosis|suicidio)",
    suppresses=(SUICIDE, OVERDOSE, SUBSTANCE, SELF_HARM, HOUSING),
)

# --------------------------------------------------------------------------- familias, generalizadas (segunda ronda)
# Como en inglés: cada regla junta las piezas de una familia de expresiones (tragar + cantidad + qué,
# estar en un lugar para caer o ahogarse, despedirse como quien no vuelve) en vez de frases vistas.
add(
    "familia.sobredosis",
    OD_ACT,
    OVERDOSE,
    r"(?:me )?(?:tome|trague|bebi|meti|empine|acabe|termine) (?:\w+ ){0,3}?(?:todo|toda|todas|todos|la mitad|el resto|"
    r"un punado|un monton|\d+) (?:\w+ ){0,3}?(?:<PASTILLAS>|botiquin|frasco|caja|cajas|blister|tira)",
    r"(?:me )?(?:tome|trague|bebi|meti|empine) (?:\w+ ){0,4}?(?:con|y|junto con|mas) (?:las |unas |todas las |mis |un "
    r"monton de |varias )(?:<PASTILLAS>)",
    r"(?:me )?(?:tome|trague|meti) todo lo (?:del|de mi|que habia en el) (?:botiquin|cajon|frasco|buro)",
    subject="self",
)
add(
    "familia.despedida",
    FAREWELL,
    SUICIDE,
    r"(?:ultima|ultimas) (?:vez|veces) que (?:me )?(?:van a|vas a|vais a|van|vas)? ?(?:leer|ver|oir|escuchar|saber de mi|"
    r"leen|ven|oyen|escuchan|sabran de mi)",
    r"ya no (?:me )?(?:veran|vas a ver|volveran a ver|volveras a ver|van a volver a ver|sabran de mi|oiran de mi)(?: mas| nunca)?",
    r"(?:esta es|esta sera|este es) mi (?:despedida|adios|ultimo mensaje|ultima carta)",
    r"(?:no )?(?:me )?(?:busquen|buscan|busques)(?= *(?:[,.]|$|mas|nunca))",
    r"me (?:quito|quitare|voy a quitar) de en medio",
    r"quitarme de en medio",
)
add(
    "familia.despedirse",
    PREP,
    SUICIDE,
    r"(?:ya )?me despido de (?:ustedes|todos|todas|ti|uds|vosotros|vosotras|todo el mundo|la vida)",
    r"(?:diganle|dile|digale|decile|decirle|diganles|dile a|avisen) a (?:mi|mis) \w+ que (?:la|lo|los|las|les) "
    r"(?:quiero|amo|adoro)",
    r"(?:cuiden|cuidame|cuidenme|cuida|cuidad) (?:a|de) (?:mi|mis) (?:gata|gato|perro|perra|perrito|gatito|hijos|hijas|nenes|"
    r"mascota|mascotas|mama|hermanit[oa])",
    r"(?:ya )?(?:elegi|escogi|decidi|tengo|puse|fije) (?:el|la) (?:dia|fecha|lugar|hora|sitio)(?= *(?:[,.]|$|y|ya))",
    r"(?:hice|escribi|termine|firme) (?:mi|el) testamento",
    r"(?:esta|es|se ve) (?:bien |muy |re |super )?(?:alto|alta)(?= *(?:[,.]|$))",
    unless=r"viaje|vacaciones|nos vemos|hasta (?:luego|pronto|manana|el|la|enero|febrero|marzo|abril|mayo|junio|julio|"
    r"agosto|septiembre|octubre|noviembre|diciembre)|semanas|mudo|mudanza|regreso|vuelvo|notario|abogado|boda|cumple\w*|"
    r"entrevista|cita|fiesta|reunion",
)
add(
    "familia.dosis",
    MEANS_STRONG,
    SUICIDE,
    r"cuant[ao]s? (?:\w+ ){0,3}?(?:hacen falta|se necesitan|necesito|son|harian falta) para (?:no despertar|morir|matarme|"
    r"una sobredosis|no volver a despertar|dormir para siempre)",
    r"(?:dosis|cantidad) (?:letal|mortal)",
)
add(
    "familia.bonito",
    SOFT_PREP,
    SUICIDE,
    r"fue (?:bonito|lindo|bueno|un placer) (?:mientras duro|conocerlos|conocerles|conocerte)",
    r"(?:perdonenme|perdoname|que me perdone|que me perdonen|perdon) (?:por todo|por (?:lo|todo lo) que)",
    r"que me perdone(?:n)?(?= *(?:[,.]|$))",
)
add(
    "familia.lugar",
    LOCATION,
    SUICIDE,
    r"(?:estoy|ando|sigo|me encuentro|aqui) (?:\w+ )?(?:en|sobre|arriba de|al borde de|junto a) (?:el|la|los|las) "
    r"(?:puente|azotea|techo|vias|cornisa|barandal|acantilado|barranco|muelle|presa|mar|rio|orilla)",
)
add(
    "familia.mar_adentro",
    ACT,
    SUICIDE,
    r"(?:caminar|meterme|entrar|nadar|adentrarme|ir|irme|me meto|camino|nado) (?:\w+ ){0,2}?(?:mar adentro|al mar|en el mar|"
    r"al rio|al agua|al lago)(?: (?:hasta (?:que )?(?:no|ya no)|y no (?:salir|volver)))",
    r"mar adentro hasta (?:que )?(?:no|ya no)",
    subject="self",
)
add(
    "familia.arma_cargada",
    MEANS_STRONG,
    SUICIDE,
    r"(?:pistola|arma|escopeta|rifle|revolver|fusca|cuete) (?:(?:\w+|,) ){0,6}?(?:esta |ya esta )?cargad[ao]",
    r"(?:cargue|cargada) (?:la|el|mi) (?:pistola|arma|escopeta|rifle|revolver)",
)
add(
    "familia.amenaza",
    THREAT,
    VIOLENCE,
    r"(?:dice|dijo|me dijo|jura|juro|grita|grito) que (?:\w+ ){0,3}?me (?:mata|va a matar|matara|mataria|va a hacer dano|"
    r"va a pegar|va a golpear|va a acabar)",
    subject="other",
    unless=r"lol|jaja\w*|jeje\w*|jsjs\w*|xd|broma|bromeando|de juego",
)
add(
    "familia.desesperanza",
    HOPELESS,
    HOPELESSNESS,
    r"(?:me siento|estoy|ando|me quede) (?:\w+ )?(?:vaci[oa]|hueco|hueca|sin ganas de nada)(?= *(?:[,.]|$|y|por))",
    r"no tengo ganas de nada",
    r"(?:ya )?no quiero seguir (?:asi|viviendo|aqui|con esto|en esto)",
    r"nada (?:me )?(?:sale bien|mejora|cambia|va a cambiar|tiene sentido)",
)
add(
    "familia.pasivo",
    PASSIVE,
    SUICIDE,
    r"(?:ojala|quisiera|desearia) (?:no )?(?:hubiera|haber|hubiese) nacido",
    r"ojala no (?:hubiera|hubiese) nacido",
)
add(
    "familia.ganas",
    CRAVING,
    SUBSTANCE,
    r"(?:ganas|antojo|ansias) (?:\w+ ){0,2}?de (?:consumir|tomar\w*|beber\w*|drogarme|meterme|fumar\w*|usar|ponerme|inyectarme|"
    r"darme un (?:pase|toque|jalon))",
    r"(?:llevo|llevamos) (?:\w+ ){0,2}?(?:dias|noches|semanas) (?:bebiendo|tomando|consumiendo|drogandome|de fiesta) "
    r"(?:sin parar|seguido|sin dormir)",
    subject="self",
)
add(
    "familia.necesidades",
    HOUSING_LOSS,
    HOUSING,
    r"no (?:tengo|tenemos|hay) (?:\w+ )?(?:pa|para) (?:comer|la comida|el mandado|la renta|el alquiler)",
    r"(?:los ninos|mis hijos|mis hijas|los chamacos|los nenes) (?:tienen|pasan|estan pasando) hambre",
)
add(
    "familia.cuerda",
    MEANS_STRONG,
    SUICIDE,
    r"(?:ya )?(?:amarre|ate|colgue|prepare|puse) (?:la|una|el|mi) (?:cuerda|soga|cinturon|lazo|mecate)"
    r"(?! (?:del|de la|al) (?:columpio|tendedero|hamaca|barco|lancha|perro|carro|camion))",
)
add(
    "familia.esperando",
    SOFT_PREP,
    SUICIDE,
    r"(?:esperando|espero|a que) (?:a )?que (?:todos |todas )?(?:se duerman|se vayan|salgan|se acuesten|no haya nadie)",
)
add(
    "familia.violencia",
    VIOLENCE_INTENT,
    VIOLENCE,
    r"(?:voy a|vamos a|lo voy a|la voy a|le voy a|pienso|quiero) (?:\w+ )?(?:apunalar|acuchillar|balear|plomear|"
    r"disparar|picar|rajar|madrear|partirle la madre|romperle la madre|quebrar|quebrarlo|quebrarla|matarlo|matarla|"
    r"matar) (?:a )?(?:ese|esa|mi|el|la|ese \w+|su)",
    r"(?:voy a|lo voy a|la voy a) (?:matar|apunalar|acuchillar|balear|plomear)(?= *(?:[,.]|$|hoy|esta|en cuanto|cuando|manana))",
)
add(
    "familia.recaida",
    RELAPSE,
    SUBSTANCE,
    r"(?:volvi|regrese|recai) (?:a|con) (?:la|el|las|los) (?:cerveza|cervezas|chela|chelas|alcohol|chupe|trago|pisto|"
    r"botella|droga|drogas|piedra|coca|perico|cristal|foco|mota|pastillas|heroina|fentanilo|bebida|vino|ron|guaro)",
    subject="self",
)
add(
    "familia.cerradura",
    HOUSING_LOSS,
    HOUSING,
    r"(?:cambio|cambiaron|nos cambio|me cambio|nos cambiaron|me cambiaron) (?:la|las) (?:chapa|chapas|cerradura|cerraduras)",
    subject="self",
)
add(
    "familia.carga_si",
    BURDEN,
    (SUICIDE, HOPELESSNESS),
    r"(?:estaria|estarian|vivirian|seria|serian|estaria mi \w+) (?:\w+ ){0,2}?(?:tranquil[oa]s?|mejor|mejores|feliz|felices|"
    r"en paz) (?:\w+ ){0,2}?si (?:yo )?(?:no existiera|no estuviera|me muriera|desapareciera|me fuera|no hubiera nacido)",
)
add(
    "familia.despedida_secreta",
    FAREWELL,
    SUICIDE,
    r"me despedi de (?:\w+ ){1,3}?sin que (?:\w+ )?(?:supiera|sepa|se diera cuenta|lo supiera|supieran|se dieran cuenta)",
    r"(?:hoy|esta noche|manana|ya) se (?:acaba|termina|acabara|terminara) todo(?= *(?:[,.]|$|para mi))",
    r"me (?:reuno|voy a reunir|ire|voy) con (?:mi|mis) \w+ (?:\w+ )?(?:en el cielo|al cielo|al otro lado)",
    r"(?:ya )?no me esperen (?:manana|mas|nunca|de vuelta)(?! (?:a cenar|a comer|temprano|para))",
    subject="self",
)
add(
    "familia.carbon",
    ACT,
    SUICIDE,
    r"(?:carbon|anafre|brasero) (?:\w+ ){0,3}?(?:en el|en mi|dentro del) (?:bano|cuarto|carro|coche|recamara)",
    r"(?:selle|tape|cerre) (?:bien )?(?:la puerta|las ventanas|las rendijas|el bano)(?: \w+){0,4}? (?:carbon|gas|anafre)",
    subject="self",
    unless=r"asado|carne|parrilla|cocinar|comida",
)
add(
    "familia.no_sentido",
    HOPELESS,
    HOPELESSNESS,
    r"(?:no|ya no) le (?:encuentro|veo|hallo) (?:\w+ )?sentido a (?:la vida|nada|vivir|seguir)",
    r"(?:me siento|estoy) (?:atrapad[oa]|sin salida)(?= *(?:[,.]|$|y|no))",
    r"no (?:veo|hay|encuentro) (?:ninguna )?salida",
)
add(
    "familia.no_amanezco",
    FAREWELL,
    SUICIDE,
    r"(?:ya )?no (?:voy a )?(?:amanecer|amanezco|despertar mas|vuelvo a despertar)(?= *(?:[,.]|$|manana|mas))",
    subject="self",
)
add(
    "familia.listo",
    PREP,
    SUICIDE,
    r"(?:ya )?(?:tengo|esta) todo (?:listo|preparado|planeado|arreglado)(?= *(?:[,.]|$|para))",
    subject="self",
    unless=r"fiesta|viaje|boda|cumple\w*|mudanza|cena|junta|reunion|examen|entrevista|maleta",
)
add(
    "familia.pensando",
    STATE,
    SUICIDE,
    r"pensando en (?:brincar|saltar|aventarme|tirarme|lanzarme|matarme|colgarme|cortarme|morirme|desaparecer)"
    r"(?! (?:la cuerda|la reata|el charco|de alegria|en la cama|a la alberca|al agua|la barda))",
    subject="self",
)
add(
    "familia.lugar2",
    LOCATION,
    SUICIDE,
    r"(?:llevo|estoy|sigo|ando) (?:\w+ ){0,3}?en (?:la|el) (?:azotea|puente|techo|vias|cornisa|barandal)",
    subject="self",
)
add(
    "familia.pasivo2",
    PASSIVE,
    SUICIDE,
    r"(?:seria|estaria|seria mucho|estaria mucho) mejor (?:no despertar|morirme|no existir|no estar aqui|desaparecer|"
    r"no haber nacido|estar muert[oa])",
    subject="self",
)
add(
    "familia.control",
    ABUSE_ACT,
    ABUSE,
    r"(?:novio|novia|esposo|esposa|pareja|marido|mujer|ex|chavo|vato|viejo|vieja) (?:\w+ ){0,5}?me (?:prohibe|prohibio|impide|"
    r"impidio) (?:salir|ver|trabajar|hablar|usar|tener|estudiar|visitar)",
    subject="other",
)
add(
    "familia.ultimo_dia",
    PREP,
    SUICIDE,
    r"(?:es|sera|hoy es) mi (?:ultimo|ultima) (?:dia|noche)(?= *(?:[,.]|$|en (?:este mundo|la tierra)))",
    r"(?:deje|dejo|tengo|ya esta) todo (?:arreglado|listo|en orden|resuelto|firmado) para (?:mis|mi) \w+",
    subject="self",
    unless=r"trabajo|chamba|empresa|escuela|clase|vacaciones|viaje|mudanza|turno",
)
add(
    "familia.violencia_ahora",
    VIOLENCE_NOW,
    VIOLENCE,
    r"(?:le|me|nos|la|lo|les) (?:esta|estan) (?:pegando|golpeando|ahorcando|apunalando|acuchillando|pateando|matando|"
    r"ahogando)(?= *(?:[,.]|$|a|con|ahorita|ahora))",
)
add(
    "familia.autolesion2",
    SH,
    SELF_HARM,
    r"(?:me )?(?:rasgune|rasguno|arane|arano|golpee|golpeo|queme|quemo|pellizque|pellizco|rasco|rasque) (?:\w+ ){0,3}?"
    r"hasta (?:sangrar|que (?:sangr\w+|me salio sangre)|hacerme dano)",
    subject="self",
)
add(
    "familia.recaida2",
    RELAPSE,
    SUBSTANCE,
    r"(?:me eche|tome|bebi|consumi|me meti|me fume|fume|me tome) (?:\w+ ){0,4}?(?:despues de|tras) (?:\w+ ){0,2}?"
    r"(?:meses|anos|dias|semanas)(?: (?:sin tomar|sin beber|sobri[oa]|limpi[oa]|sin consumir))?",
    subject="self",
)
add(
    "familia.sin_caso",
    HOPELESS,
    HOPELESSNESS,
    r"nada (?:tiene|le veo) (?:caso|sentido)",
    r"(?:ya )?no se (?:para que|pa que|por que) (?:sigo|seguir|vivo|vivir|sigo aqui)",
)

VOCABULARY = ES.vocabulary()
RULES = ES.rules
__all__ = ["MACROS", "RULES", "VOCABULARY"]
