import { z } from 'zod';
import type { Insurer } from './letterhead';
import type { Block } from './template';
import { text } from './fields';

/**
 * The interpreter-services paragraph a notice carries when the worker needs an interpreter
 * (program 4.3, Use of interpreters: professional interpreters for every interaction). It comes
 * first, in the worker's language where we hold a translation, then in English.
 *
 * TIS National, 131 450: the Australian Government's Translating and Interpreting Service
 * (https://www.tisnational.gov.au, "Immediate phone interpreting"); the program names it among the
 * services used.
 *
 * The translations were written by the engineering team and have NOT been checked by a certified
 * (NAATI) translator: `reviewed: false` until one does, and the letter says so under the paragraph.
 * The letters' fonts print every script (fonts.ts), but a translation is added here only when it can
 * be checked; for any other language the English paragraph names the language and the result says
 * it is untranslated, so notifications can ask for a translated copy.
 */
export const languageAssistanceSchema = z.object({ language: text }).strict();
/** Bump with any change to the paragraph's words or the translations (a stored document records it). */
export const LANGUAGE_ASSISTANCE_VERSION = 2;
export type LanguageAssistance = z.infer<typeof languageAssistanceSchema>;

interface Translation {
  /** Names a worker's language may be recorded under (compared without case or accents). */
  names: string[];
  heading: string;
  /** The paragraph, naming the insurer the interpreter is to call. */
  paragraph: (insurer: string) => string;
  reviewed: boolean;
}

const TIS = '131 450';

const TRANSLATIONS: readonly Translation[] = [
  {
    names: ['spanish', 'espanol', 'castellano'],
    heading: '¿Necesita un intérprete?',
    paragraph: (insurer) =>
      `El Servicio de Traducción e Interpretación (TIS National) puede ayudarle. Llame al ${TIS}, diga que habla español y pida que llamen a ${insurer} por usted. Nosotros pagamos el intérprete. Tenga esta carta a mano para dar el número de reclamación.`,
    reviewed: false,
  },
  {
    names: ['italian', 'italiano'],
    heading: 'Ha bisogno di un interprete?',
    paragraph: (insurer) =>
      `Il Servizio di Traduzione e Interpretariato (TIS National) può aiutarla. Chiami il ${TIS}, dica che parla italiano e chieda di chiamare ${insurer} per lei. Il costo dell'interprete è a nostro carico. Tenga con sé questa lettera per poter indicare il numero della pratica.`,
    reviewed: false,
  },
  {
    names: ['portuguese', 'portugues'],
    heading: 'Precisa de um intérprete?',
    paragraph: (insurer) =>
      `O Serviço de Tradução e Interpretação (TIS National) pode ajudar. Ligue para ${TIS}, diga que fala português e peça que liguem para ${insurer} por você. Nós pagamos o intérprete. Tenha esta carta em mãos para informar o número do processo.`,
    reviewed: false,
  },
  {
    names: ['french', 'francais'],
    heading: "Besoin d'un interprète ?",
    paragraph: (insurer) =>
      `Le service de traduction et d'interprétariat (TIS National) peut vous aider. Appelez le ${TIS}, dites que vous parlez français et demandez qu'on appelle ${insurer} pour vous. L'interprète est à notre charge. Gardez cette lettre avec vous pour donner le numéro de dossier.`,
    reviewed: false,
  },
];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

export function translationFor(language: string): Translation | undefined {
  const key = fold(language);
  return TRANSLATIONS.find((t) => t.names.includes(key));
}

/** The blocks put at the top of the notice's body, and whether the worker's language was among them. */
export function languageAssistanceBlocks(a: LanguageAssistance, insurer: Insurer): { blocks: Block[]; translated: boolean } {
  const t = translationFor(a.language);
  const english: Block[] = [
    { kind: 'heading', text: 'Need an interpreter?' },
    {
      kind: 'paragraph',
      text: `The Translating and Interpreting Service (TIS National) can help. Call ${TIS}, say that you speak ${a.language.trim()}, and ask them to call ${insurer.name} for you. We pay for the interpreter. Keep this letter with you so you can give the claim number.`,
    },
  ];
  if (!t) return { blocks: english, translated: false };
  // Said plainly under a translation no certified translator has checked (issue 16), so a reader
  // who finds it unclear knows to rely on the English and to ask for an interpreter.
  const unreviewed: Block[] = t.reviewed
    ? []
    : [
        {
          kind: 'paragraph',
          text: `The ${a.language.trim()} paragraph above has not yet been checked by a certified translator. If anything in it is unclear, the English paragraph is the one we rely on, and an interpreter can read this letter with you.`,
        },
      ];
  return { blocks: [{ kind: 'heading', text: t.heading }, { kind: 'paragraph', text: t.paragraph(insurer.name) }, ...english, ...unreviewed], translated: true };
}
