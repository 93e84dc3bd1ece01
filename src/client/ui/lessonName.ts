/**
 * A lesson's id as words ("what-is-phishing" -> "What is phishing"), for a lesson a newer
 * version of its module removed: its title left with that version.
 */
export function removedLessonName(lessonId: string): string {
  const words = lessonId.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
