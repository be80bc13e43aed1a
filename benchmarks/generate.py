"""A synthetic newsroom archive with known conflicts, for benchmarks at scale.

    python benchmarks/generate.py --articles 10000 --out bench-out/corpus --seed 7

N articles tell M independent stories. Each story is one event (a crackdown, a flood, a fire, a
prison riot, an attack) with its own people (names made from syllables, so no two stories share
a person), roles, ages, counts, a date and a place. Each article renders a random subset of its
story's facts through varied wordings (digits and words, qualifiers, appositions, weekdays and
relative dates) around neutral background prose, about 5 KB an article.

Some articles carry a planted error at a known rate: a changed count, a misspelt given name, a
wrong weekday written next to a date, an age off by two. Every plant is written to
`truth.json` (with the story of each document), so a benchmark can score recall and false
alarms. The same seed gives the same corpus, byte for byte.

Files are Markdown with YAML front matter (title, outlet, author, published, language), one
folder of at most 1,000 articles per story range, as an archive export would lay them out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.dates import MONTH_NAMES, WEEKDAY_NAMES

MEASURED_KEYS = frozenset({"hectares"})  # counts written with a unit of measure
VERSION = 3  # raise when the output changes, so that benchmarks regenerate stored corpora

# The calendar's English names, as the library renders them.
WEEKDAYS, MONTHS = WEEKDAY_NAMES, MONTH_NAMES
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Syllables for names that no dictionary holds: the extractor has to find people by their
# context (a title, an apposition, a verb of saying), as it must with most real names.
ONSETS = [
    "b",
    "br",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "z",
]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o"]
CODAS = ["", "", "", "n", "r", "l", "s"]
SURNAME_ENDINGS = ["", "", "a", "o", "ez", "ani", "ovic", "sen", "eda", "uri", "ando", "ell"]
PLACE_ENDINGS = ["a", "o", "ia", "ara", "enco", "ville", "burg", "ta"]

# Words a generated name must not be: they mean something to the extractor.
RESERVED = {
    "may",
    "june",
    "mark",
    "will",
    "dean",
    "don",
    "bill",
    "the",
    "head",
    "chief",
    "judge",
    "police",
    "court",
    "state",
    "general",
    "case",
    "day",
    "week",
    "year",
    "miss",
    "king",
    "pope",
    "dr",
    "mr",
    "son",
    "deputy",
}


def number_words(n: int) -> str:
    """English words for 0..99; digits beyond."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    return f"{n:,}"


@dataclass
class Person:
    given: str
    surname: str
    role: str  # a title the lexicon knows: "prosecutor", "mayor", ...
    age: int

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass
class Count:
    key: str  # what the benchmark calls it
    value: int
    forms: list[str]  # templates with {n}
    kind: str = "count"


@dataclass
class Story:
    id: str
    scenario: str
    event_noun: str  # a date event the lexicon knows: raids, flood, fire, riot, attack
    date: dt.date
    town: str
    province: str
    agency: str
    people: list[Person]
    counts: list[Count]
    constants: dict = field(default_factory=dict)


SCENARIOS = {
    "crackdown": {
        "event": "raids",
        "headline": ["Police raids in {town} target organised crime", "Crackdown in {town}"],
        "lead": [
            "Police carried out a series of raids in {town} {date}, officials said.",
            "Security forces launched coordinated raids across {town} {date}.",
            "The raids in {town} took place {date}, according to the {agency}.",
        ],
        "counts": [
            (
                "people arrested",
                (8, 70),
                [
                    "{n} people were arrested during the operation.",
                    "Officers detained {n} suspects in the operation.",
                    "The operation ended with {n} arrests.",
                    "In all, {n} suspects were taken into custody.",
                ],
            ),
            (
                "raids",
                (5, 90),
                [
                    "Agents carried out {n} raids across the province.",
                    "The operation included {n} simultaneous raids.",
                ],
            ),
            (
                "police officers deployed",
                (120, 1800),
                [
                    "{n} police officers were deployed for the operation.",
                    "The operation mobilised {n} police officers.",
                ],
            ),
            (
                "weapons",
                (3, 60),
                [
                    "Investigators seized {n} weapons from the homes they searched.",
                    "Agents recovered {n} firearms and several vehicles.",
                ],
            ),
        ],
    },
    "flood": {
        "event": "flood",
        "headline": ["Flooding devastates {town}", "Flood leaves a trail of damage in {town}"],
        "lead": [
            "A flood swept through {town} {date}, officials said.",
            "Heavy rains caused a flood in {town} {date}, according to the {agency}.",
            "The flood hit {town} {date} after days of heavy rain.",
        ],
        "counts": [
            (
                "people killed",
                (3, 60),
                [
                    "{n} people were killed by the flood.",
                    "The flood killed {n} people in the district.",
                    "Rescuers confirmed {n} deaths.",
                ],
            ),
            (
                "people injured",
                (10, 200),
                [
                    "{n} people were injured, the {agency} said.",
                    "Hospitals treated {n} injured residents.",
                ],
            ),
            (
                "people evacuated",
                (200, 9000),
                [
                    "{n} residents were evacuated from low-lying areas.",
                    "Authorities evacuated {n} residents from the river banks.",
                ],
            ),
            (
                "homes",
                (20, 900),
                [
                    "The water destroyed {n} homes.",
                    "{n} houses were left uninhabitable.",
                ],
            ),
        ],
    },
    "fire": {
        "event": "fire",
        "headline": ["Fire sweeps through {town}", "Firefighters battle blaze near {town}"],
        "lead": [
            "A fire broke out on the outskirts of {town} {date}, officials said.",
            "The fire near {town} started {date}, according to the {agency}.",
        ],
        "counts": [
            (
                "people killed",
                (2, 40),
                [
                    "{n} people were killed in the fire.",
                    "The fire killed {n} people.",
                ],
            ),
            (
                "firefighters deployed",
                (40, 900),
                [
                    "{n} firefighters were deployed to contain the flames.",
                    "The blaze mobilised {n} firefighters.",
                ],
            ),
            (
                "homes",
                (10, 600),
                [
                    "The fire destroyed {n} homes.",
                    "{n} houses burned to the ground.",
                ],
            ),
            (
                "hectares",
                (100, 20000),
                ["The flames consumed {n} hectares of forest and farmland."],
            ),
        ],
    },
    "riot": {
        "event": "riot",
        "headline": ["Deadly riot at {town} prison", "Prison riot shakes {town}"],
        "lead": [
            "A riot broke out in the {town} prison {date}, officials said.",
            "Inmates started a riot at the prison in {town} {date}, according to the {agency}.",
        ],
        "counts": [
            (
                "prisoners killed",
                (3, 60),
                [
                    "{n} inmates were killed during the riot.",
                    "The riot left {n} prisoners dead.",
                ],
            ),
            (
                "prison guards injured",
                (2, 40),
                [
                    "{n} prison guards were injured.",
                    "Inmates wounded {n} guards before order was restored.",
                ],
            ),
            (
                "prisoners at large",
                (2, 50),
                [
                    "{n} prisoners escaped during the chaos.",
                    "{n} inmates remain at large.",
                ],
            ),
            (
                "soldiers deployed",
                (50, 1200),
                ["{n} soldiers were deployed to retake the prison."],
            ),
        ],
    },
    "attack": {
        "event": "attack",
        "headline": ["Attack in {town} market", "Gunmen attack {town}"],
        "lead": [
            "Gunmen carried out an attack on a market in {town} {date}, officials said.",
            "The attack in {town} happened {date}, according to the {agency}.",
        ],
        "counts": [
            (
                "people killed",
                (2, 50),
                [
                    "{n} people were killed in the attack.",
                    "The attack killed {n} people.",
                ],
            ),
            (
                "people injured",
                (4, 120),
                [
                    "{n} people were wounded, the {agency} said.",
                    "Doctors treated {n} injured people.",
                ],
            ),
            (
                "people arrested",
                (2, 30),
                [
                    "Police arrested {n} suspects after the attack.",
                    "{n} suspects were detained later that night.",
                ],
            ),
        ],
    },
}

ROLES = [
    ("prosecutor", "the prosecutor in charge of the case"),
    ("mayor", "the mayor of {town}"),
    ("governor", "the governor of {province}"),
    ("commander", "the police commander for {province}"),
    ("spokesperson", "a spokesperson for the {agency}"),
    ("director", "the director of the {agency}"),
    ("judge", "the judge who oversees the case"),
    ("minister", "the interior minister"),
]

QUOTES = [
    "We will not rest until every family has answers.",
    "The response was fast, and it saved lives.",
    "This is a difficult moment for the whole region.",
    "The investigation is only beginning.",
    "We are working with every agency that can help.",
    "Nobody should have to live through a night like this.",
    "The evidence will be presented in court.",
    "We ask residents to stay calm and to follow instructions.",
]

# Background prose: no counts that could disagree, so every figure in it is a story constant.
FILLER = [
    "Residents of {town} described a tense night, with sirens heard until the early hours.",
    "The {agency} published a statement on its website late in the evening.",
    "Shops in the centre of {town} stayed closed for most of the following morning.",
    "Local radio stations interrupted their programmes to broadcast updates.",
    "The provincial authorities of {province} promised a full review of the response.",
    "Community leaders called for calm and asked for patience while the facts were established.",
    "Analysts said the events would test the institutions of the region.",
    "Neighbours gathered outside the town hall to wait for news.",
    "The road into {town} was closed to traffic for several hours.",
    "Television crews arrived from the capital by the afternoon.",
    "Schools in the area suspended classes as a precaution.",
    "Volunteers set up a kitchen near the main square to feed those affected.",
    "The regional hospital said it had called in extra staff.",
    "Opposition lawmakers demanded a public hearing on what had gone wrong.",
    "Church bells rang in {town} in memory of the victims.",
    "The chamber of commerce said businesses would need help to reopen.",
    "Officials declined to give further details while the investigation continues.",
    "The national government said it was following the situation closely.",
    "Relatives waited for information at a centre set up by the authorities.",
    "Human rights groups asked for an independent inquiry.",
    "The weather service warned that conditions could remain difficult.",
    "Photographs shared on social media showed damaged streets and crowds of onlookers.",
    "Transport services between {town} and the rest of {province} were suspended.",
    "A helpline for families was opened by the provincial government.",
    "Several international organisations offered their support.",
    "The events revived a long debate about security and public services in the region.",
    "It was not immediately clear when normal life would return to {town}.",
    "The municipality said it would publish a list of the places where help is available.",
    "Reporters on the scene saw emergency vehicles coming and going throughout the day.",
    "A formal inquiry is expected to take several months.",
    "The district of {town} lies about an hour's drive from the provincial capital.",
    "{province} has {cities} municipalities, and {town} is among the largest of them.",
    "The {agency} has opened {files} separate case files, according to court records.",
    "People in the neighbouring villages said they had never seen anything like it.",
    "Markets reopened slowly as traders counted their losses.",
    "The story dominated the front pages of the regional newspapers.",
    "Experts interviewed by this newspaper said the warning signs had been visible for years.",
    "Aid workers said the most urgent needs were clean water, food and shelter.",
    "Lawyers for several families said they were considering legal action.",
    "The provincial assembly scheduled an extraordinary session for the following week.",
    "Local businesses offered free meals to emergency workers.",
    "Police asked anyone with information to come forward.",
    "A vigil was held on the steps of the cathedral in the evening.",
    "The incident drew condemnation from across the political spectrum.",
    "Officials stressed that the figures could still change as more information arrived.",
    "The agency's report, once published, is expected to run to hundreds of pages.",
    "Officials said the emergency plan had been activated within minutes, although several residents told reporters that help had taken far longer to reach the outlying neighbourhoods.",
    "The mayor's office said it would cover funeral costs for the families who had lost relatives, and that counselling would be offered at the community centre.",
    "Critics argued that years of underinvestment had left the region poorly prepared, a charge the provincial government rejected in a statement issued late on the same day.",
    "Several witnesses described scenes of confusion in the first hours, with conflicting instructions given by different authorities and little information reaching the public.",
    "The episode has become a central issue in the campaign for the regional elections, with candidates trading accusations over who bears responsibility.",
    "Legal experts said the investigation could take months, because the case files are large and many of the people involved are expected to contest the evidence.",
    "In the capital, the minister responsible told lawmakers that a commission would be created to review the protocols followed before, during and after the events.",
    "Local newspapers devoted special editions to the events, publishing testimonies from residents, emergency workers and officials alongside maps of the affected areas.",
    "Businesses near the main square said they had lost most of their weekly income, and traders' associations asked for tax relief until the situation returns to normal.",
    "Church groups and neighbourhood associations organised collections of clothing, blankets and food, which were distributed from the sports hall of the main school.",
    "The national ombudsman's office said it had received complaints from residents and would publish its findings once it had interviewed the authorities concerned.",
    "Researchers at the provincial university said that similar events had been recorded in the area before, and called for better monitoring and early warning systems.",
]

# The same stories told in Spanish: the same count keys, so English and Spanish reports of
# one story are compared with each other.
MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
UNIDADES = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
DECENAS = [
    "_",
    "_",
    "_",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
]

ESPANOL = {
    "crackdown": {
        "headline": ["Allanamientos en {town} contra el crimen organizado", "Operativo en {town}"],
        "lead": [
            "La policía realizó una serie de allanamientos en {town} {date}, informaron las autoridades.",
            "Los allanamientos en {town} se realizaron {date}, según la {agency}.",
        ],
        "counts": {
            "people arrested": [
                "{n} personas fueron detenidas durante el operativo.",
                "Los agentes detuvieron a {n} sospechosos.",
            ],
            "raids": ["Los agentes realizaron {n} allanamientos en la provincia."],
            "police officers deployed": [
                "En el operativo participaron {n} policías.",
                "{n} policías fueron desplegados para el operativo.",
            ],
            "weapons": ["Los investigadores incautaron {n} armas en las casas allanadas."],
        },
    },
    "flood": {
        "headline": ["Inundaciones en {town}", "La inundación deja daños en {town}"],
        "lead": [
            "Una inundación afectó a {town} {date}, informaron las autoridades.",
            "La inundación llegó a {town} {date}, según la {agency}.",
        ],
        "counts": {
            "people killed": [
                "{n} personas murieron por la inundación.",
                "La inundación dejó {n} muertos en el distrito.",
            ],
            "people injured": ["{n} personas resultaron heridas, informó la {agency}."],
            "people evacuated": ["{n} habitantes fueron evacuados de las zonas bajas."],
            "homes": ["El agua destruyó {n} viviendas."],
        },
    },
    "fire": {
        "headline": ["Incendio en {town}", "Los bomberos combaten un incendio cerca de {town}"],
        "lead": [
            "Un incendio comenzó en las afueras de {town} {date}, informaron las autoridades.",
            "El incendio cerca de {town} empezó {date}, según la {agency}.",
        ],
        "counts": {
            "people killed": ["{n} personas murieron en el incendio."],
            "firefighters deployed": ["{n} bomberos fueron desplegados para controlar las llamas."],
            "homes": ["El fuego destruyó {n} viviendas."],
            "hectares": ["Las llamas consumieron {n} hectáreas de bosque y cultivos."],
        },
    },
    "riot": {
        "headline": ["Motín en la cárcel de {town}", "Un motín sacude {town}"],
        "lead": [
            "Un motín estalló en la cárcel de {town} {date}, informaron las autoridades.",
            "Los presos iniciaron un motín en la cárcel de {town} {date}, según la {agency}.",
        ],
        "counts": {
            "prisoners killed": ["{n} reos murieron durante el motín."],
            "prison guards injured": ["{n} guías penitenciarios resultaron heridos."],
            "prisoners at large": ["{n} presos se fugaron durante el caos."],
            "soldiers deployed": ["{n} militares fueron desplegados para retomar la cárcel."],
        },
    },
    "attack": {
        "headline": ["Ataque en un mercado de {town}", "Hombres armados atacan {town}"],
        "lead": [
            "Hombres armados perpetraron un ataque en un mercado de {town} {date}, informaron las autoridades.",
            "El ataque en {town} ocurrió {date}, según la {agency}.",
        ],
        "counts": {
            "people killed": ["{n} personas murieron en el ataque."],
            "people injured": ["{n} personas resultaron heridas, informó la {agency}."],
            "people arrested": ["La policía detuvo a {n} sospechosos después del ataque."],
        },
    },
}

ROLES_ES = {
    "prosecutor": ("fiscal", "fiscal a cargo del caso"),
    "mayor": ("alcalde", "alcalde de {town}"),
    "governor": ("gobernador", "gobernador de {province}"),
    "commander": ("comandante", "comandante de la policía en {province}"),
    "spokesperson": ("portavoz", "portavoz de la {agency}"),
    "director": ("director", "director de la {agency}"),
    "judge": ("juez", "juez que lleva el caso"),
    "minister": ("ministro", "ministro del Interior"),
}
AGENCIAS = {
    "national police": "Policía Nacional",
    "civil protection agency": "Secretaría de Gestión de Riesgos",
    "attorney general's office": "Fiscalía General",
}
CITAS = [
    "No descansaremos hasta que cada familia tenga respuestas.",
    "Esta es una hora difícil para toda la región.",
    "La investigación apenas comienza.",
    "Pedimos a los vecinos que mantengan la calma.",
]
RELLENO = [
    "Los vecinos de {town} describieron una noche tensa, con sirenas hasta la madrugada.",
    "La {agency} publicó un comunicado en su sitio web al final de la tarde.",
    "Los comercios del centro de {town} permanecieron cerrados durante la mañana siguiente.",
    "Las radios locales interrumpieron su programación para transmitir las novedades.",
    "Las autoridades de {province} prometieron una revisión completa de la respuesta.",
    "Los dirigentes comunitarios pidieron calma mientras se esclarecen los hechos.",
    "Los analistas señalaron que los hechos pondrán a prueba a las instituciones de la región.",
    "Decenas de vecinos se reunieron frente al municipio a la espera de noticias.",
    "La carretera de acceso a {town} estuvo cerrada durante varias horas.",
    "Las escuelas de la zona suspendieron las clases como medida de precaución.",
    "Los voluntarios instalaron una cocina cerca de la plaza principal para los afectados.",
    "El hospital regional informó que convocó a personal adicional.",
    "Los asambleístas de oposición exigieron una comparecencia pública de los responsables.",
    "El gobierno nacional dijo que sigue de cerca la situación.",
    "Los familiares esperaban información en un centro habilitado por las autoridades.",
    "Las organizaciones de derechos humanos pidieron una investigación independiente.",
    "Las fotografías difundidas en redes sociales mostraban calles dañadas y curiosos.",
    "Se habilitó una línea telefónica de ayuda para las familias.",
    "No estaba claro cuándo volvería la normalidad a {town}.",
    "El municipio publicará una lista de los lugares donde se presta ayuda.",
    "Una investigación formal podría tardar varios meses, según fuentes judiciales.",
    "En los pueblos vecinos, la gente aseguró que nunca había visto algo parecido.",
    "Los trabajadores humanitarios dijeron que lo más urgente es agua limpia, comida y refugio.",
    "Los abogados de varias familias analizan emprender acciones legales.",
    "La asamblea provincial convocó a una sesión extraordinaria para la semana siguiente.",
    "Los negocios locales ofrecieron comidas gratuitas a los equipos de emergencia.",
    "La policía pidió a cualquier persona con información que se acerque a colaborar.",
    "Por la noche se realizó una vigilia en las gradas de la catedral.",
    "Los funcionarios insistieron en que las cifras podrían cambiar con nueva información.",
    "Los críticos sostienen que años de falta de inversión dejaron a la región mal preparada, una acusación que el gobierno provincial rechazó en un comunicado.",
    "Varios testigos describieron escenas de confusión en las primeras horas, con instrucciones contradictorias de distintas autoridades.",
    "Los comerciantes cercanos a la plaza principal dijeron que perdieron la mayor parte de sus ingresos de la semana y pidieron alivio tributario.",
    "Las iglesias y las asociaciones barriales organizaron colectas de ropa, cobijas y alimentos, que se repartieron desde el coliseo del colegio principal.",
    "Investigadores de la universidad provincial recordaron que en la zona ya se habían registrado hechos similares y pidieron mejores sistemas de alerta temprana.",
    "{province} tiene {cities} cantones, y {town} es uno de los más poblados.",
]


def numero_en_palabras(n: int) -> str:
    """Spanish words for 0..99; digits beyond."""
    if n < 30:
        return UNIDADES[n]
    if n < 100:
        return DECENAS[n // 10] + ("" if n % 10 == 0 else " y " + UNIDADES[n % 10])
    return f"{n:,}".replace(",", ".")


OUTLET_WORDS = ["Herald", "Tribune", "Courier", "Gazette", "Observer", "Chronicle", "Post", "Times"]


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Names:
    """Made-up names, unique across the whole corpus."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def syllable(self) -> str:
        r = self.rng
        return r.choice(ONSETS) + r.choice(VOWELS) + r.choice(CODAS)

    def word(self, syllables: int, ending: str = "") -> str:
        while True:
            text = "".join(self.syllable() for _ in range(syllables)) + ending
            if len(text) >= 4 and text not in RESERVED and text not in self.used:
                self.used.add(text)
                return text.capitalize()

    def given(self) -> str:
        return self.word(self.rng.choice((2, 2, 3)), self.rng.choice(["", "", "o", "a", "el"]))

    def surname(self) -> str:
        return self.word(self.rng.choice((2, 3)), self.rng.choice(SURNAME_ENDINGS))

    def place(self) -> str:
        return self.word(2, self.rng.choice(PLACE_ENDINGS))


def misspell(name: str, rng: random.Random) -> str:
    """One vowel changed inside a given name: the kind of slip a copy desk misses."""
    positions = [i for i, c in enumerate(name) if c in "aeiou" and 0 < i < len(name) - 1]
    if not positions:
        positions = [i for i, c in enumerate(name) if c in "aeiou" and i > 0]
    i = rng.choice(positions)
    other = rng.choice([v for v in "aeiou" if v != name[i]])
    return name[:i] + other + name[i + 1 :]


def make_story(index: int, rng: random.Random, names: Names) -> Story:
    scenario = rng.choice(sorted(SCENARIOS))
    spec = SCENARIOS[scenario]
    date = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    roles = rng.sample(ROLES, rng.choice((3, 4, 4)))
    people = [
        Person(names.given(), names.surname(), role[0], rng.randint(26, 71)) for role in roles
    ]
    counts = [
        Count(key, rng.randint(*bounds), forms)
        for key, bounds, forms in rng.sample(spec["counts"], min(3, len(spec["counts"])))
    ]
    town, province = names.place(), names.place()
    return Story(
        id=f"s{index:06d}",
        scenario=scenario,
        event_noun=spec["event"],
        date=date,
        town=town,
        province=province,
        agency=rng.choice(
            ["national police", "civil protection agency", "attorney general's office"]
        ),
        people=people,
        counts=counts,
        constants={"cities": rng.randint(4, 30), "files": rng.randint(2, 12)},
    )


def role_phrase(person: Person, story: Story) -> str:
    for role, phrase in ROLES:
        if role == person.role:
            return phrase.format(town=story.town, province=story.province, agency=story.agency)
    return f"the {person.role}"


class Article:
    """One article of a story: which facts it renders and how, and its planted errors."""

    def __init__(self, story: Story, number: int, published: dt.date, rng: random.Random):
        self.story, self.number, self.published, self.rng = story, number, published, rng
        self.name = f"{story.id}-{number:02d}"
        self.counts: dict[str, int] = {}  # count key -> value to write
        self.exact: set[str] = set()  # counts that must be written without a qualifier
        self.ages: dict[str, int] = {}  # surname -> age to write
        self.given: dict[str, str] = {}  # surname -> given name to write
        self.weekday_wrong: str | None = None
        self.full_date = False
        self.people: list[Person] = []
        self.lang = "en"

    # ------------------------------------------------------------------ wordings

    def figure(self, value: int, exact: bool) -> str:
        """A count as a journalist might write it, always true of `value`."""
        r = self.rng
        es = self.lang == "es"
        if not exact and value >= 10 and r.random() < 0.3:
            kind = r.choice(("at least", "more than", "over", "nearly"))
            if kind == "at least":
                low = value - r.randint(0, max(1, value // 10))
                return f"{'al menos' if es else 'at least'} {self.plain(low)}"
            if kind in ("more than", "over"):
                low = value - r.randint(1, max(1, value // 10))
                return f"{'más de' if es else kind} {self.plain(low)}"
            high = value + r.randint(0, max(0, value // 12))
            return f"{'casi' if es else 'nearly'} {self.plain(high)}"
        return self.plain(value)

    def plain(self, value: int) -> str:
        if value < 10 or (value < 100 and self.rng.random() < 0.35):
            return numero_en_palabras(value) if self.lang == "es" else number_words(value)
        return f"{value:,}".replace(",", ".") if self.lang == "es" else f"{value:,}"

    def date_phrase(self) -> str:
        """The event date, written against this article's own date."""
        story, r = self.story, self.rng
        d = story.date
        gap = (self.published - d).days
        month, day, weekday = MONTHS[d.month - 1], d.day, WEEKDAYS[d.weekday()]
        if self.lang == "es":
            mes, dia = MESES[d.month - 1], DIAS[d.weekday()]
            if self.full_date or self.weekday_wrong:
                shown = DIAS[WEEKDAYS.index(self.weekday_wrong)] if self.weekday_wrong else dia
                return f"el {shown} {day} de {mes} de {d.year}"
            options = [f"el {day} de {mes}", f"el {day} de {mes} de {d.year}"]
            if 1 <= gap <= 6:
                options += [f"el {dia}", f"el pasado {dia}"]
            return r.choice(options)
        if self.full_date or self.weekday_wrong:
            shown = self.weekday_wrong or weekday
            return f"on {shown}, {month} {day}, {d.year}"
        options = [f"on {month} {day}", f"on {day} {month}", f"on {month} {day}, {d.year}"]
        options.append(
            f"on {month} {day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
        )
        if 1 <= gap <= 6:
            options += [f"on {weekday}", f"last {weekday}"]
        if gap == 0:
            options.append(f"on {weekday}")
        return r.choice(options)

    def introduce(self, person: Person, story: Story) -> str:
        """A first mention in full, with the evidence that makes it a person."""
        r = self.rng
        given = self.given.get(person.surname, person.given)
        full = f"{given} {person.surname}"
        age = self.ages.get(person.surname)
        if self.lang == "es":
            return self.presentar(person, full, age)
        quote = r.choice(QUOTES)
        if age is not None:
            form = r.choice(("apposition", "adjective", "years old"))
            if form == "apposition":
                return f"{full}, {age}, {role_phrase(person, story)}, said: “{quote}”"
            if form == "adjective":
                return (
                    f"The {age}-year-old {person.role} {full} said the situation was under control."
                )
            return f"{capital(person.role)} {full}, who is {number_words(age)} years old, told reporters: “{quote}”"
        form = r.choice(("title", "apposition", "speech"))
        if form == "title":
            return f"{capital(person.role)} {full} said: “{quote}”"
        if form == "apposition":
            return f"{full}, {role_phrase(person, story)}, said the authorities were doing everything they could."
        return f"“{quote}” said {person.role} {full}."

    def presentar(self, person: Person, full: str, age: int | None) -> str:
        """A first mention in Spanish."""
        r, story = self.rng, self.story
        cargo, frase = ROLES_ES[person.role]
        frase = frase.format(
            town=story.town, province=story.province, agency=AGENCIAS[story.agency]
        )
        cita = r.choice(CITAS)
        if age is not None:
            if r.random() < 0.5:
                return f"{full}, de {age} años, {frase}, dijo: «{cita}»"
            return f"El {cargo} {full}, de {numero_en_palabras(age)} años, afirmó que la situación estaba bajo control."
        form = r.choice(("title", "apposition"))
        if form == "title":
            return f"El {cargo} {full} dijo: «{cita}»"
        return f"{full}, {frase}, afirmó que las autoridades hacían todo lo posible."

    def later(self, person: Person) -> str:
        r = self.rng
        if self.lang == "es":
            return r.choice(
                [
                    f"{person.surname} dijo que se entregará más información en los próximos días.",
                    f"{person.surname} añadió que la investigación continuará.",
                ]
            )
        return r.choice(
            [
                f"{person.surname} said more information would be released in the coming days.",
                f"{person.surname} added that the investigation would continue.",
                f"According to {person.surname}, the priority is to support the families.",
            ]
        )

    # ------------------------------------------------------------------ the text

    def render(self) -> str:
        story, r = self.story, self.rng
        es = self.lang == "es"
        spec = ESPANOL[story.scenario] if es else SCENARIOS[story.scenario]
        agency = AGENCIAS[story.agency] if es else story.agency
        fill = {"town": story.town, "province": story.province, "agency": agency}
        fill.update({k: str(v) for k, v in story.constants.items()})
        facts: list[str] = []
        facts.append(r.choice(spec["lead"]).format(**fill, date=self.date_phrase()))
        for person in self.people:
            facts.append(self.introduce(person, story))
        for count in story.counts:
            if count.key not in self.counts:
                continue
            template = r.choice(spec["counts"][count.key] if es else count.forms)
            written = self.figure(self.counts[count.key], count.key in self.exact)
            facts.append(capital(template.format(n=written, **fill)))
        lead, rest = facts[0], facts[1:]
        r.shuffle(rest)
        rest += [self.later(p) for p in self.people if r.random() < 0.5]
        pool = RELLENO if es else FILLER
        filler = [f.format(**fill) for f in r.sample(pool, len(pool))]
        sentences = [lead, *rest]
        # Interleave facts and background until the article is about 5 KB.
        body: list[str] = []
        size = 0
        target = r.randint(4300, 5700)
        while sentences or (filler and size < target):
            if sentences and (not filler or r.random() < 0.45 or size > target):
                sentence = sentences.pop(0)
            else:
                sentence = filler.pop()
            body.append(sentence)
            size += len(sentence) + 1
        paragraphs, current = [], []
        for sentence in body:
            current.append(sentence)
            if len(current) >= r.randint(2, 4):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        headline = r.choice(spec["headline"]).format(**fill)
        outlet = f"The {story.province} {r.choice(OUTLET_WORDS)}"
        author = f"{self.rng.choice(['Ana', 'Luis', 'Maria', 'John', 'Sara', 'Peter'])} Reporter"
        front = "\n".join(
            [
                "---",
                f'title: "{headline}"',
                f'outlet: "{outlet}"',
                f'author: "{author}"',
                f"published: {self.published.isoformat()}",
                f"language: {self.lang}",
                "---",
            ]
        )
        return f"{front}\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def plan_story(
    story: Story, size: int, rng: random.Random, rates: dict, truth: list, spanish: float = 0.0
) -> list[Article]:
    """The articles of one story, which facts each renders, and the errors planted in them."""
    offsets = sorted(rng.randint(0, 6) for _ in range(size))
    articles = [
        Article(story, i, story.date + dt.timedelta(days=offsets[i]), random.Random(rng.random()))
        for i in range(size)
    ]
    for article in articles:
        r = article.rng
        if r.random() < spanish:
            article.lang = "es"
        # At least three people in full: two shared full names tie the story together.
        article.people = r.sample(story.people, r.randint(3, len(story.people)))
        for count in story.counts:
            if r.random() < 0.6:
                article.counts[count.key] = count.value
        for person in article.people:
            if r.random() < 0.35:
                article.ages[person.surname] = person.age
        article.full_date = r.random() < 0.2
    if size < 2:
        return articles
    planted, witness = articles[1:], articles[0]

    def pick():
        return rng.choice(planted)

    if rng.random() < rates["count"]:
        count = rng.choice(story.counts)
        wrong_article = pick()
        delta = rng.choice((-1, 1)) * rng.randint(1, max(2, count.value // 5))
        wrong = max(2, count.value + delta)  # "one people" is no sentence
        if wrong == count.value:
            wrong = count.value + 1
        wrong_article.counts[count.key] = wrong
        wrong_article.exact.add(count.key)
        witness.counts[count.key] = count.value
        witness.exact.add(count.key)
        truth.append(
            {
                "story": story.id,
                "type": "count",
                # a figure in a unit (hectares) is a measured quantity, reported as such
                "kind": "quantity" if count.key in MEASURED_KEYS else "count",
                "about": count.key,
                "right": str(count.value),
                "wrong": str(wrong),
                "document": wrong_article.name,
            }
        )
    if rng.random() < rates["name"]:
        person = rng.choice([p for p in story.people if len(p.given) >= 4])
        wrong_article = pick()
        if person not in wrong_article.people:
            wrong_article.people.append(person)
        if person not in witness.people:
            witness.people.append(person)
        others = [p for p in wrong_article.people if p is not person]
        if len(others) < 2:
            wrong_article.people += [p for p in story.people if p not in wrong_article.people][
                : 2 - len(others)
            ]
        wrong = misspell(person.given, rng)
        wrong_article.given[person.surname] = wrong
        truth.append(
            {
                "story": story.id,
                "type": "name",
                "kind": "name",
                "about": person.full,
                "right": person.given,
                "wrong": wrong,
                "document": wrong_article.name,
            }
        )
    if rng.random() < rates["weekday"]:
        wrong_article = pick()
        actual = story.date.weekday()
        wrong = WEEKDAYS[(actual + rng.choice((1, 2, 3, 4, 5, 6))) % 7]
        wrong_article.weekday_wrong = wrong
        truth.append(
            {
                "story": story.id,
                "type": "weekday",
                "kind": "date",
                "about": story.event_noun,
                "right": WEEKDAYS[actual],
                "wrong": wrong,
                "document": wrong_article.name,
            }
        )
    if rng.random() < rates["age"]:
        person = rng.choice(story.people)
        wrong_article = pick()
        if person not in wrong_article.people:
            wrong_article.people.append(person)
        if person not in witness.people:
            witness.people.append(person)
        wrong = person.age + rng.choice((-2, 2))
        wrong_article.ages[person.surname] = wrong
        witness.ages[person.surname] = person.age
        truth.append(
            {
                "story": story.id,
                "type": "age",
                "kind": "age",
                "about": person.full,
                "right": str(person.age),
                "wrong": str(wrong),
                "document": wrong_article.name,
            }
        )
    return articles


def generate(
    articles: int,
    out: Path,
    seed: int = 7,
    rates: dict | None = None,
    per_story: tuple[int, int] = (4, 12),
    spanish: float = 0.2,
) -> dict:
    """Write `articles` articles under `out` and return the ground truth (also in truth.json)."""
    rates = {"count": 0.3, "name": 0.2, "weekday": 0.2, "age": 0.2, **(rates or {})}
    rng = random.Random(seed)
    names = Names(rng)
    out.mkdir(parents=True, exist_ok=True)
    truth: list[dict] = []
    documents: dict[str, str] = {}
    written = 0
    index = 0
    total_bytes = 0
    while written < articles:
        size = min(rng.randint(*per_story), articles - written)
        story = make_story(index, rng, names)
        if index == 0:
            write_draft(story, out.with_name(out.name + "-draft.md"))
        folder = out / f"{written // 1000:04d}"
        folder.mkdir(exist_ok=True)
        for article in plan_story(story, size, rng, rates, truth, spanish):
            text = article.render()
            data = text.encode("utf-8")
            (folder / f"{article.name}.md").write_bytes(data)
            total_bytes += len(data)
            documents[article.name] = story.id
            written += 1
        index += 1
    # A plant in a story of one article has nothing to disagree with: none are made there.
    summary = {
        "version": VERSION,
        "seed": seed,
        "articles": written,
        "stories": index,
        "bytes": total_bytes,
        "rates": rates,
        "spanish": spanish,
        "planted": truth,
        "documents": documents,
    }
    (out / "truth.json").write_text(json.dumps(summary, indent=0), encoding="utf-8")
    return summary


def write_draft(story: Story, path: Path, words: int = 1500) -> Path:
    """A 1,500-word draft about a story of the archive, for timing `reconcile check`."""
    rng = random.Random(story.id)
    article = Article(story, 99, story.date + dt.timedelta(days=7), rng)
    article.people = list(story.people)
    article.counts = {c.key: c.value for c in story.counts}
    paragraphs: list[str] = []
    count = 0
    while count < words:
        body = article.render().split("---\n", 2)[2].split("\n\n", 1)[1].strip()
        paragraphs.append(body)
        count += len(body.split())
    kept = " ".join("\n\n".join(paragraphs).split(" ")[:words]).rstrip()
    if not kept.endswith("."):
        kept += "."
    path.write_text(f"Draft: {story.town}\n\n{kept}\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("bench-out/corpus"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    summary = generate(args.articles, args.out, args.seed)
    print(
        f"{summary['articles']} articles, {summary['stories']} stories, "
        f"{summary['bytes'] / 1e6:.1f} MB, {len(summary['planted'])} planted conflicts -> {args.out}"
    )


if __name__ == "__main__":
    main()
