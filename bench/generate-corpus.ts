// Realistic generated French health articles for benchmarks: the related-articles engine reads
// them directly, build benchmarks write them out with toMarkdown(). Pure and deterministic: the
// same (n, seed) gives the same articles, and article i does not depend on n, so any prefix of a
// corpus is itself consistent (pins only ever point to earlier articles).
import type { RelatedArticle } from "../src/lib/related/index.ts";

export interface GeneratedSource {
  title: string;
  publisher: string;
  date: Date;
  url: string;
}

export interface GeneratedArticle extends RelatedArticle {
  /** The chapô; the same text as `lead`, under its front-matter name. */
  description: string;
  /** Leaf category id (the last of categoryPath). */
  category: string;
  author: string;
  sources: GeneratedSource[];
}

export interface GeneratedCategory {
  id: string;
  name: string;
  parent?: string;
}

export interface GeneratedAuthor {
  id: string;
  name: string;
  credentials: string;
  bio: string;
}

interface Section {
  id: string;
  name: string;
  /** Noun phrases, article included, that this section's articles talk about. */
  phrases: string[];
}

interface Topic extends Section {
  subsections: [Section, Section];
  /** Endings of the topic's named treatments (drugs, devices…), which give articles their long tail of rare words. */
  suffixes: string[];
  /** Most frequent first: tags are drawn with Zipf-like odds by rank. */
  tags: string[];
}

const list = (s: string) => s.split("|").map((x) => x.trim());

const TOPICS: Topic[] = [
  {
    id: "cancer",
    name: "Cancer",
    phrases: list(
      "la tumeur|la chimiothérapie|la radiothérapie|l'immunothérapie|les métastases|le diagnostic précoce|la biopsie|l'oncologue|le traitement ciblé|la rémission|les marqueurs tumoraux|la rechute|les cellules cancéreuses|l'essai clinique|le pronostic",
    ),
    subsections: [
      {
        id: "cancers-feminins",
        name: "Cancers féminins",
        phrases: list(
          "le cancer du sein|la mammographie|le cancer de l'ovaire|le col de l'utérus|le frottis|la mastectomie|l'hormonothérapie|les gènes BRCA",
        ),
      },
      {
        id: "cancers-digestifs",
        name: "Cancers digestifs",
        phrases: list(
          "le cancer colorectal|la coloscopie|le cancer du pancréas|les polypes|le test immunologique|le cancer de l'estomac|la chirurgie digestive|le côlon",
        ),
      },
    ],
    tags: list("cancer|dépistage|chimiothérapie|immunothérapie|cancer du sein|radiothérapie|essais cliniques|côlon|mammographie|oncologie|BRCA|métastases"),
    suffixes: list("mab|tinib|platine|ciclib|taxel"),
  },
  {
    id: "coeur",
    name: "Cœur et vaisseaux",
    phrases: list(
      "le cœur|les artères|le cholestérol|l'infarctus|le cardiologue|l'électrocardiogramme|l'insuffisance cardiaque|les statines|la fibrillation auriculaire|le rythme cardiaque|la plaque d'athérome|les maladies cardiovasculaires|l'angine de poitrine|la circulation sanguine|les anticoagulants",
    ),
    subsections: [
      {
        id: "hypertension-arterielle",
        name: "Hypertension",
        phrases: list(
          "la tension artérielle|l'hypertension|le tensiomètre|le sel|les antihypertenseurs|la pression systolique|l'automesure|les reins",
        ),
      },
      {
        id: "accident-vasculaire",
        name: "AVC",
        phrases: list(
          "l'accident vasculaire cérébral|le caillot|la thrombolyse|l'hémiplégie|la rééducation|l'unité neurovasculaire|les séquelles|l'aphasie",
        ),
      },
    ],
    tags: list("cardiologie|cholestérol|hypertension|AVC|infarctus|statines|arythmie|sel|anticoagulants|insuffisance cardiaque"),
    suffixes: list("pril|sartan|statine|olol|xaban"),
  },
  {
    id: "infections",
    name: "Infections et vaccins",
    phrases: list(
      "le virus|la bactérie|l'infection|l'épidémie|la contagion|l'immunité|les anticorps|la fièvre|le système immunitaire|l'incubation|la transmission|les gestes barrières|la grippe|le variant|la pandémie",
    ),
    subsections: [
      {
        id: "vaccination",
        name: "Vaccination",
        phrases: list(
          "le vaccin|la vaccination|le rappel|la couverture vaccinale|l'adjuvant|le calendrier vaccinal|les effets indésirables|l'ARN messager",
        ),
      },
      {
        id: "antibiotiques",
        name: "Antibiotiques",
        phrases: list(
          "l'antibiotique|l'antibiorésistance|la pénicilline|l'infection urinaire|l'angine bactérienne|l'ordonnance|la prescription|les souches résistantes",
        ),
      },
    ],
    tags: list("vaccins|grippe|épidémie|antibiotiques|covid-19|antibiorésistance|rougeole|ARN messager|infections|immunité"),
    suffixes: list("cilline|mycine|vir|azole|vax"),
  },
  {
    id: "sante-mentale",
    name: "Santé mentale",
    phrases: list(
      "l'anxiété|le stress|le psychiatre|la psychothérapie|l'humeur|le burn-out|les troubles psychiques|le bien-être|la souffrance psychique|le psychologue|les antidépresseurs|la thérapie cognitive|l'isolement|la santé mentale|les crises d'angoisse",
    ),
    subsections: [
      {
        id: "depression",
        name: "Dépression",
        phrases: list(
          "la dépression|la tristesse|la perte d'intérêt|le risque suicidaire|la dépression post-partum|la luminothérapie|les idées noires|la rechute dépressive",
        ),
      },
      {
        id: "addictions",
        name: "Addictions",
        phrases: list(
          "l'alcool|le tabac|le cannabis|le sevrage|la dépendance|la cigarette électronique|l'addictologue|les substituts nicotiniques",
        ),
      },
    ],
    tags: list("santé mentale|dépression|anxiété|stress|addictions|tabac|alcool|burn-out|psychothérapie|cannabis"),
    suffixes: list("xétine|zépam|pramine|faxine|done"),
  },
  {
    id: "nutrition",
    name: "Nutrition",
    phrases: list(
      "l'alimentation|les fruits et légumes|les fibres|les protéines|le sucre|les graisses saturées|les produits ultra-transformés|le régime méditerranéen|le petit-déjeuner|les vitamines|les minéraux|la diététicienne|les calories|l'équilibre alimentaire|les compléments alimentaires",
    ),
    subsections: [
      {
        id: "alimentation",
        name: "Alimentation",
        phrases: list(
          "les légumineuses|les céréales complètes|le Nutri-Score|les oméga-3|le calcium|le fer|les additifs|la cuisine maison",
        ),
      },
      {
        id: "obesite",
        name: "Obésité et poids",
        phrases: list(
          "l'obésité|le surpoids|l'indice de masse corporelle|la chirurgie bariatrique|le tour de taille|la perte de poids|les régimes restrictifs|l'effet yo-yo",
        ),
      },
    ],
    tags: list("nutrition|alimentation|obésité|sucre|Nutri-Score|régimes|vitamines|ultra-transformés|fibres|compléments alimentaires"),
    suffixes: list("biotique|fibre|lactine|carotène|phénol"),
  },
  {
    id: "diabete",
    name: "Diabète et métabolisme",
    phrases: list(
      "la glycémie|l'insuline|le pancréas|le métabolisme|l'hémoglobine glyquée|le glucose|l'endocrinologue|les hormones|l'hypoglycémie|le syndrome métabolique|la résistance à l'insuline|le lecteur de glycémie|les complications|le pied diabétique|la rétinopathie",
    ),
    subsections: [
      {
        id: "diabete-type-2",
        name: "Diabète de type 2",
        phrases: list(
          "le diabète de type 2|la metformine|les antidiabétiques|l'activité physique|le prédiabète|les glucides|la sédentarité|le dépistage du diabète",
        ),
      },
      {
        id: "thyroide",
        name: "Thyroïde",
        phrases: list(
          "la thyroïde|l'hypothyroïdie|l'hyperthyroïdie|la lévothyroxine|la TSH|le nodule thyroïdien|l'iode|le goitre",
        ),
      },
    ],
    tags: list("diabète|glycémie|insuline|thyroïde|métabolisme|hypoglycémie|endocrinologie|prédiabète|lévothyroxine|pied diabétique"),
    suffixes: list("gliptine|glutide|gliflozine|glitazone|formine"),
  },
  {
    id: "enfants",
    name: "Enfants et grossesse",
    phrases: list(
      "l'enfant|le pédiatre|le nourrisson|la croissance|les parents|l'allaitement|le carnet de santé|la crèche|le développement|les bébés|l'adolescence|la fièvre de l'enfant|les vaccins obligatoires|la maternité|le sommeil de l'enfant",
    ),
    subsections: [
      {
        id: "grossesse",
        name: "Grossesse",
        phrases: list(
          "la grossesse|l'échographie|la sage-femme|l'accouchement|le premier trimestre|le diabète gestationnel|les nausées|le congé maternité",
        ),
      },
      {
        id: "pediatrie",
        name: "Pédiatrie",
        phrases: list(
          "la bronchiolite|la gastro-entérite|les otites|les écrans|la varicelle|la poussée dentaire|les allergies alimentaires|la courbe de croissance",
        ),
      },
    ],
    tags: list("enfants|grossesse|pédiatrie|nourrissons|allaitement|bronchiolite|écrans|adolescents|accouchement|parentalité"),
    suffixes: list("vax|cilline|sone|lizumab|fène"),
  },
  {
    id: "bien-vieillir",
    name: "Bien vieillir",
    phrases: list(
      "le vieillissement|les seniors|la mémoire|la fragilité|l'autonomie|les chutes|le gériatre|la ménopause|l'ostéoporose|les aidants|la maison de retraite|la dénutrition|l'audition|la vue|les maladies chroniques",
    ),
    subsections: [
      {
        id: "alzheimer",
        name: "Alzheimer et mémoire",
        phrases: list(
          "la maladie d'Alzheimer|les troubles cognitifs|la démence|les plaques amyloïdes|la stimulation cognitive|la consultation mémoire|la maladie de Parkinson|les neurones",
        ),
      },
      {
        id: "autonomie",
        name: "Autonomie",
        phrases: list(
          "la perte d'autonomie|l'aide à domicile|l'aménagement du logement|la téléassistance|l'allocation personnalisée|la prévention des chutes|l'activité physique adaptée|l'EHPAD",
        ),
      },
    ],
    tags: list("seniors|Alzheimer|mémoire|ménopause|ostéoporose|aidants|EHPAD|chutes|Parkinson|autonomie"),
    suffixes: list("mantine|pézil|dronate|vastigmine|caprone"),
  },
  {
    id: "respiratoire",
    name: "Poumons et allergies",
    phrases: list(
      "les poumons|la respiration|les bronches|la toux|l'essoufflement|le pneumologue|la pollution de l'air|la spirométrie|l'oxygène|la BPCO|l'apnée du sommeil|les voies respiratoires|le tabagisme|la capacité pulmonaire|l'inflammation",
    ),
    subsections: [
      {
        id: "asthme",
        name: "Asthme",
        phrases: list(
          "l'asthme|la crise d'asthme|l'inhalateur|les corticoïdes inhalés|le bronchodilatateur|le débitmètre de pointe|l'asthme d'effort|les sifflements",
        ),
      },
      {
        id: "allergies",
        name: "Allergies",
        phrases: list(
          "les allergies|le pollen|le rhume des foins|les acariens|l'allergologue|la désensibilisation|les antihistaminiques|l'urticaire",
        ),
      },
    ],
    tags: list("poumons|asthme|allergies|pollution|BPCO|pollens|apnée du sommeil|toux|acariens|pneumologie"),
    suffixes: list("térol|sonide|lukast|tiotrope|clomide"),
  },
  {
    id: "soins",
    name: "Médicaments et soins",
    phrases: list(
      "le médecin généraliste|l'Assurance maladie|le remboursement|la consultation|les soins|le parcours de soins|la pharmacie|le pharmacien|la téléconsultation|les urgences|le dossier médical|la prévention|les dépassements d'honoraires|les déserts médicaux|l'ordonnance",
    ),
    subsections: [
      {
        id: "medicaments",
        name: "Médicaments",
        phrases: list(
          "le médicament|les génériques|les effets secondaires|la posologie|l'automédication|le paracétamol|les anti-inflammatoires|les interactions médicamenteuses",
        ),
      },
      {
        id: "hopital",
        name: "Hôpital",
        phrases: list(
          "l'hôpital|le service des urgences|l'hospitalisation|les infirmières|la chirurgie ambulatoire|les infections nosocomiales|le bloc opératoire|la sortie d'hôpital",
        ),
      },
    ],
    tags: list("médicaments|hôpital|Assurance maladie|urgences|génériques|pharmacie|téléconsultation|déserts médicaux|remboursement|effets secondaires"),
    suffixes: list("profène|amol|prazole|codéine|tramine"),
  },
];

const GENERIC_PHRASES = list(
  "le risque|les symptômes|le traitement|la prise en charge|les résultats|la qualité de vie|les données|le suivi|les facteurs de risque|l'espérance de vie|le diagnostic|la santé|les habitudes de vie|le mode de vie|les inégalités de santé|la mortalité|les hospitalisations|le dépistage|l'activité physique|le sommeil",
);
const GENERIC_TAGS = list(
  "prévention|études|femmes|santé publique|recommandations|HAS|OMS|activité physique|inégalités de santé|sommeil|hommes|travail|environnement|recherche|sport",
);
const POPULATIONS = list(
  "les femmes de plus de 50 ans|les enfants|les adolescents|les personnes âgées|les fumeurs|les femmes enceintes|les patients atteints de maladies chroniques|les adultes|les sportifs|les travailleurs de nuit|les jeunes adultes|les personnes en situation de précarité",
);
const PUBLISHERS: ReadonlyArray<{ name: string; short: string; domain: string }> = [
  { name: "Haute Autorité de santé", short: "la Haute Autorité de santé", domain: "has-sante.fr" },
  { name: "Santé publique France", short: "Santé publique France", domain: "santepubliquefrance.fr" },
  { name: "Inserm", short: "l'Inserm", domain: "inserm.fr" },
  { name: "Organisation mondiale de la santé", short: "l'OMS", domain: "who.int" },
  { name: "Institut national du cancer", short: "l'Institut national du cancer", domain: "e-cancer.fr" },
  { name: "ANSM", short: "l'Agence du médicament", domain: "ansm.sante.fr" },
  { name: "The Lancet", short: "une étude du Lancet", domain: "thelancet.com" },
  { name: "BMJ", short: "le British Medical Journal", domain: "bmj.com" },
  { name: "Académie nationale de médecine", short: "l'Académie de médecine", domain: "academie-medecine.fr" },
  { name: "DREES", short: "la Drees", domain: "drees.solidarites-sante.gouv.fr" },
];

const wordCount = (text: string) => text.split(" ").filter(Boolean).length;

/** A template split once into literals around its slots, so filling it is plain concatenation. */
interface Template {
  literals: string[];
  slots: string[];
  /** Words in the literals alone. */
  words: number;
}

const templates = (s: string): Template[] =>
  list(s).map((t) => {
    const parts = t.split(/\{([a-zA-Z])\}/);
    const literals = parts.filter((_, i) => i % 2 === 0);
    return { literals, slots: parts.filter((_, i) => i % 2 === 1), words: wordCount(literals.join(" ")) };
  });

// Slots: {a} main phrase (mostly the section's), {b} second phrase (sometimes another topic's),
// {g} generic phrase, {p} population, {o} organisation, {r} one of the treatments the article
// is about, {s} its study, {x} percentage, {y} year, {n} cohort size, {d} small number.
// Capitalised slot names ({A}, {O}) open a sentence.
const SENTENCES = templates(`
Selon {o}, {a} concerne de plus en plus {p}.|
{A} reste un enjeu majeur pour {p}, rappellent les spécialistes.|
Une étude publiée en {y} montre que {a} pourrait réduire {g} de {x} %.|
Les spécialistes recommandent de ne pas négliger {a} quand {b} est en cause.|
Chez {p}, {a} et {b} sont souvent liés.|
{A} fait l'objet de nouvelles recommandations de {o}.|
Dans la pratique, {g} dépend largement de {a}.|
Environ {x} % des cas impliquent {a}, d'après {o}.|
Il est conseillé d'en parler à son médecin si {a} s'accompagne de symptômes inhabituels.|
Les chercheurs ont observé un lien entre {a} et {b} sur une cohorte de {n} personnes.|
{A} ne remplace pas {b}, mais les deux approches se complètent.|
Pour {p}, {g} passe d'abord par {a}.|
Le rôle de {a} dans {b} fait encore débat au sein de la communauté scientifique.|
En France, {a} touche chaque année plusieurs milliers de personnes.|
Mieux comprendre {a} permet d'améliorer {g}.|
{O} insiste sur l'importance de {a} dès les premiers signes.|
Les résultats concernant {a} devront être confirmés par d'autres travaux.|
À long terme, {a} pourrait modifier {g} chez {p}.|
Les patients interrogés décrivent {a} comme une étape difficile.|
Le suivi de {a} repose sur des consultations régulières avec le médecin traitant.|
Depuis {y}, {o} surveille de près {a} et {b}.|
{A} progresse, mais {g} reste très variable selon les régions.|
Les médecins observent que {b} complique souvent {a}.|
Aucune donnée ne permet encore d'affirmer que {a} agit sur {g}.|
Le traitement par {r} a été évalué chez {p}.|
{R} est désormais recommandé en première intention, selon {o}.|
Dans {s}, {r} a réduit {g} de {x} %.|
{S} a suivi {n} personnes pendant plusieurs années.|
Les effets de {r} sur {a} restent discutés.|
Les résultats de {s} confirment l'intérêt de {r}.`);
const LEAD_SENTENCES = templates(`
{A} : {o} publie de nouvelles données sur {b}.|
Ce qu'il faut retenir sur {a} pour {p}.|
Entre idées reçues et avancées de la recherche, le point sur {a}.|
{A} concerne {x} % de la population adulte, selon {o}.|
Les spécialistes font le point sur {a} et {b}.|
Une étude menée sur {n} personnes éclaire le lien entre {a} et {b}.|
{S} apporte de nouvelles données sur {r}.`);
const TITLES = templates(`
{A} : ce que disent les dernières études|
{A} : {d} questions pour comprendre {b}|
{A} chez {p} : les nouvelles recommandations|
Faut-il s'inquiéter de {a} ?|
{A} et {b} : un lien confirmé|
{A} : comment {b} change la donne|
Ce qu'il faut savoir sur {a}|
{A} : les conseils des spécialistes|
{A}, une priorité pour {o}|
{R} : ce que change {s}|
{A} : les résultats de {s}`);
const HEADINGS = templates(`
Ce que montrent les études|Qui est concerné ?|Les recommandations|En pratique|Quels traitements ?|
Le point de vue des spécialistes|Les signes qui doivent alerter|Ce qui reste à prouver|{A} : les points clés`);
const SOURCE_KINDS = list("rapport annuel|étude de cohorte|recommandations de bonne pratique|méta-analyse|synthèse des connaissances|avis");

export const AUTHORS: readonly GeneratedAuthor[] = [
  { id: "claire-martin", name: "Claire Martin", credentials: "Journaliste santé", bio: "Couvre la cancérologie et la santé des femmes." },
  { id: "julien-bernard", name: "Julien Bernard", credentials: "Docteur en pharmacie", bio: "Écrit sur les médicaments et leur bon usage." },
  { id: "sophie-durand", name: "Sophie Durand", credentials: "Médecin généraliste", bio: "Exerce en cabinet et relit les articles médicaux." },
  { id: "nicolas-petit", name: "Nicolas Petit", credentials: "Journaliste scientifique", bio: "Suit la recherche biomédicale et les essais cliniques." },
  { id: "amina-benali", name: "Amina Benali", credentials: "Diététicienne-nutritionniste", bio: "Spécialiste de l'alimentation et du métabolisme." },
  { id: "thomas-moreau", name: "Thomas Moreau", credentials: "Journaliste santé", bio: "S'intéresse à la santé mentale et aux addictions." },
  { id: "lea-garnier", name: "Léa Garnier", credentials: "Sage-femme", bio: "Écrit sur la grossesse et la petite enfance." },
  { id: "redaction", name: "La rédaction", credentials: "Rédaction de Pouls", bio: "Articles signés collectivement par la rédaction." },
];

export const CATEGORIES: readonly GeneratedCategory[] = TOPICS.flatMap((t) => [
  { id: t.id, name: t.name },
  ...t.subsections.map((s) => ({ id: s.id, name: s.name, parent: t.id })),
]);

// Named treatments and studies: made-up but word-like, many of them and drawn with Zipf odds,
// they give the corpus the long tail of rare words real articles have (one drug, one cohort).
// Built once from a fixed seed: the pools are part of the generator, not of a corpus.
const SYLLABLES = list("a|be|ci|da|do|fa|ga|ka|li|lo|ma|mi|na|ne|no|pa|ra|ri|ro|sa|se|ta|ti|to|va|vi|xa|za|zo|tu");
const NAMES_PER_TOPIC = 200;
const STUDY_COUNT = 400;

function namePool(random: () => number, count: number, suffixes: string[]): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    let name = "";
    for (let i = 2 + Math.floor(random() * 2); i > 0; i--) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    names.add(name + suffixes[Math.floor(random() * suffixes.length)]);
  }
  return [...names];
}

const poolRandom = prng(0x2545f491);
const TREATMENTS = new Map(TOPICS.map((t) => [t, namePool(poolRandom, NAMES_PER_TOPIC, t.suffixes)]));
const STUDIES = namePool(poolRandom, STUDY_COUNT, [""]).map((name) => name.toUpperCase());

/** mulberry32: tiny, fast, and good enough to make varied text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf(s = 1.1) odds for ranks 0..size-1, so rank 0 is drawn most often. */
function zipf(size: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1) ** 1.1;
  return cumulative.map((c) => c / total);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Templates put "de"/"à" before phrases that carry their own article: "de le" must read "du".
function append(text: string, phrase: string): string {
  const plural = phrase.startsWith("les ");
  if (!plural && !phrase.startsWith("le ")) return text + phrase;
  const noun = phrase.slice(plural ? 4 : 3);
  if (text.endsWith(" de ")) return `${text.slice(0, -3)}${plural ? "des" : "du"} ${noun}`;
  if (text.endsWith(" à ")) return `${text.slice(0, -2)}${plural ? "aux" : "au"} ${noun}`;
  return text + phrase;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2012, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY;

export function generateArticles(n: number, seed: number): GeneratedArticle[] {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const zipfPick = <T>(xs: readonly T[], cumulative: Float64Array): T => {
    const u = random();
    let lo = 0;
    let hi = xs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo]!;
  };
  const topicOdds = zipf(TOPICS.length);
  const treatmentOdds = zipf(NAMES_PER_TOPIC);
  const studyOdds = zipf(STUDY_COUNT);
  const authorOdds = zipf(AUTHORS.length);
  const genericTagOdds = zipf(GENERIC_TAGS.length);
  const tagOdds = new Map(TOPICS.map((t) => [t, zipf(t.tags.length)]));
  const slugsByTopic = new Map<Topic, string[]>(TOPICS.map((t) => [t, []]));
  const phraseWords = new Map<string, number>();

  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < n; i++) {
    // A milder skew than Zipf for topics: the site covers every section, some more than others.
    const topic = random() < 0.5 ? zipfPick(TOPICS, topicOdds) : pick(TOPICS);
    const section = pick(topic.subsections);
    const treatments = Array.from({ length: int(1, 3) }, () => zipfPick(TREATMENTS.get(topic)!, treatmentOdds));
    const study = `l'étude ${zipfPick(STUDIES, studyOdds)}`;
    const main = () => pick(random() < 0.55 ? section.phrases : topic.phrases);
    const second = () => {
      const u = random();
      return pick(u < 0.35 ? section.phrases : u < 0.75 ? topic.phrases : pick(TOPICS).phrases);
    };
    const slots: Record<string, () => string> = {
      a: main,
      b: second,
      g: () => pick(GENERIC_PHRASES),
      p: () => pick(POPULATIONS),
      o: () => pick(PUBLISHERS).short,
      r: () => `le ${pick(treatments)}`,
      s: () => study,
      x: () => String(int(3, 60)),
      y: () => String(int(2005, 2025)),
      d: () => String(int(3, 10)),
      n: () => String(int(2, 400) * 100),
    };
    // Counting words as text is assembled, not by rescanning it: phrases repeat, so their counts are cached.
    let words = 0;
    const fill = (template: Template) => {
      let text = template.literals[0]!;
      words += template.words;
      template.slots.forEach((slot, i) => {
        const lower = slot.toLowerCase();
        const value = slots[lower]!();
        let count = phraseWords.get(value);
        if (count === undefined) phraseWords.set(value, (count = wordCount(value)));
        words += count;
        const joined = append(text, slot === lower ? value : capitalise(value));
        if (joined.length !== text.length + value.length) words--; // "de le" became "du"
        text = joined + template.literals[i + 1]!;
      });
      return text;
    };

    const day = int(FIRST_DAY, LAST_DAY);
    const date = new Date(day * DAY);
    const title = fill(pick(TITLES));
    const lead = `${fill(pick(LEAD_SENTENCES))} ${fill(pick(LEAD_SENTENCES))}`;
    const sources: GeneratedSource[] = Array.from({ length: int(1, 3) }, () => {
      const from = pick(PUBLISHERS);
      const sourceTitle = `${capitalise(main())} : ${pick(SOURCE_KINDS)}`;
      return {
        title: sourceTitle,
        publisher: from.name,
        date: new Date((day - int(10, 400)) * DAY),
        url: `https://www.${from.domain}/publications/${int(100_000, 999_999)}`,
      };
    });

    const target = int(320, 680); // counted roughly as sentences are written: bodies land at about 300–700 words
    const blocks: string[] = [];
    let linked = false;
    words = 0;
    while (words < target) {
      if (blocks.length > 0 && random() < 0.3) blocks.push(`## ${fill(pick(HEADINGS))}`);
      if (random() < 0.15) {
        const items = Array.from({ length: int(3, 5) }, () => `- ${capitalise(main())} ;`);
        blocks.push(items.join("\n"));
        words += items.length * 3;
      }
      const sentences: string[] = [];
      for (let s = int(3, 5); s > 0 && words < target; s--) {
        let sentence = fill(pick(SENTENCES));
        if (random() < 0.15) sentence = sentence.replace(/ ([^ ]+ [^ ]+) /, " **$1** ");
        sentences.push(sentence);
      }
      if (!linked && random() < 0.5) {
        const source = sources[0]!;
        sentences.push(`Pour aller plus loin, voir [${source.title.toLowerCase()}](${source.url}).`);
        words += 6;
        linked = true;
      }
      if (sentences.length > 0) blocks.push(sentences.join(" "));
    }

    const tags = new Set<string>();
    for (let t = int(1, 4); t > 0; t--) tags.add(zipfPick(topic.tags, tagOdds.get(topic)!));
    if (random() < 0.6) tags.add(zipfPick(GENERIC_TAGS, genericTagOdds));

    const slug = `${slugify(title).slice(0, 60).replace(/-+$/, "")}-${i + 1}`;
    const earlier = slugsByTopic.get(topic)!;
    const pins: string[] = [];
    if (earlier.length > 0 && random() < 0.08) {
      for (let p = int(1, 2); p > 0; p--) {
        const pin = earlier[earlier.length - 1 - Math.floor(random() * Math.min(earlier.length, 50))]!;
        if (!pins.includes(pin)) pins.push(pin);
      }
    }
    earlier.push(slug);

    articles.push({
      slug,
      title,
      lead,
      description: lead,
      body: blocks.join("\n\n"),
      tags: [...tags],
      categoryPath: [topic.id, section.id],
      category: section.id,
      author: zipfPick(AUTHORS, authorOdds).id,
      date,
      pins,
      suggest: random() >= 0.03,
      sources,
    });
  }
  return articles;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
// A JSON string is a valid YAML double-quoted scalar, whatever colons or quotes it holds.
const yamlString = (s: string) => JSON.stringify(s);

/** The article as a content/articles/<slug>.md file: front matter, blank line, body. */
export function toMarkdown(article: GeneratedArticle): string {
  const lines = [
    "---",
    `title: ${yamlString(article.title)}`,
    `description: ${yamlString(article.description)}`,
    `date: ${isoDay(article.date)}`,
    `author: ${article.author}`,
    `category: ${article.category}`,
    `tags: [${article.tags.map(yamlString).join(", ")}]`,
  ];
  if (article.pins.length > 0) lines.push(`related: [${article.pins.join(", ")}]`);
  if (!article.suggest) lines.push("suggest: false");
  if (article.sources.length === 0) lines.push("sources: []");
  else {
    lines.push("sources:");
    for (const s of article.sources) {
      lines.push(
        `  - title: ${yamlString(s.title)}`,
        `    publisher: ${yamlString(s.publisher)}`,
        `    date: ${isoDay(s.date)}`,
        `    url: ${yamlString(s.url)}`,
      );
    }
  }
  lines.push("---", "", article.body, "");
  return lines.join("\n");
}
