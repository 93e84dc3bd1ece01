/*
 * The course-content source format (`modules/`), as zod schemas. The build-time
 * compiler (`src/content`) validates every YAML file and lesson frontmatter with
 * these, and the messages name the file and the field. The format is documented
 * for authors in `modules/README.md`; keep the two in step.
 */
import { z } from 'zod';
import { CONTENT_LOCALES, HOUR_CATEGORIES } from './locales';
import { isCompetenceId } from './competences';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Text in every content language: English is required, the others are optional here
 * and required by the completeness check of `modules:check`. */
export const localizedText = z
  .object({
    en: nonEmpty,
    lv: nonEmpty.optional(),
    bg: nonEmpty.optional(),
    uk: nonEmpty.optional(),
  })
  .strict();

const localizedList = z
  .object({
    en: z.array(nonEmpty).min(1),
    lv: z.array(nonEmpty).min(1).optional(),
    bg: z.array(nonEmpty).min(1).optional(),
    uk: z.array(nonEmpty).min(1).optional(),
  })
  .strict();

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

const competenceId = z
  .string()
  .refine(isCompetenceId, 'is not a DigComp 2.2 (digcomp:1.1 to digcomp:5.4) or EntreComp (entrecomp:1.1 to entrecomp:3.5) competence id');

const hourCategory = z.enum(HOUR_CATEGORIES);

export const moduleSchema = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    title: localizedText,
    summary: localizedText,
    minutes: z.number().int().positive().max(6000),
    /** DigComp 2.2 proficiency level, 1 (foundation) to 8 (highly specialised). */
    level: z.number().int().min(1).max(8),
    competences: z.array(competenceId).min(1),
    prerequisites: z.array(slug).default([]),
    outcomes: localizedList,
    /** The module's cover, `media/<name>.svg`; without it, the first illustration its lessons show. */
    cover: z.string().optional(),
  })
  .strict();

export const lessonFrontmatterSchema = z
  .object({
    title: nonEmpty,
    minutes: z.number().int().positive().max(600),
  })
  .strict();

const option = z.object({ id: slug, text: localizedText }).strict();

const questionBase = {
  id: slug,
  text: localizedText,
  explanation: localizedText,
};

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(option).min(2), answer: slug }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('multiple'),
      options: z.array(option).min(2),
      answer: z.array(slug).min(1),
    })
    .strict(),
  z.object({ ...questionBase, type: z.literal('truefalse'), answer: z.boolean() }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('order'),
      /** Listed in the correct order; the app shows them shuffled. */
      options: z.array(option).min(3),
    })
    .strict(),
]);

export const quizSchema = z
  .object({
    /** Percentage of points needed to pass, 1..100, over the questions an attempt shows. */
    passMark: z.number().int().min(1).max(100),
    /** How many questions one attempt draws at random from the pool; all of them when absent. */
    draw: z.number().int().min(1).optional(),
    /** `false` keeps the questions in the order written; otherwise each attempt shuffles them. */
    shuffle: z.boolean().optional(),
    questions: z.array(questionSchema).min(1),
  })
  .strict()
  .refine((quiz) => quiz.draw === undefined || quiz.draw <= quiz.questions.length, {
    path: ['draw'],
    message: 'must not exceed the number of questions',
  });

export const assignmentSchema = z
  .object({
    title: localizedText,
    instructions: localizedText,
    category: hourCategory,
    hours: z.number().positive().max(200),
  })
  .strict();

export const curriculumSchema = z
  .object({
    id: slug,
    title: localizedText,
    summary: localizedText,
    modules: z.array(slug).min(1),
    /** Hours required per learning-hours category. */
    hours: z.partialRecord(hourCategory, z.number().nonnegative()).default({}),
  })
  .strict();

export const curriculaFileSchema = z
  .object({
    curricula: z.array(curriculumSchema).min(1),
  })
  .strict();

export type ModuleSource = z.infer<typeof moduleSchema>;
export type QuestionSource = z.infer<typeof questionSchema>;
export type QuizSource = z.infer<typeof quizSchema>;
export type AssignmentSource = z.infer<typeof assignmentSchema>;
export type CurriculumSource = z.infer<typeof curriculumSchema>;
export type LocalizedText = z.infer<typeof localizedText>;

export { CONTENT_LOCALES };
