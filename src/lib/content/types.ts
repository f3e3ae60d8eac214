// The course as data: what the build reads from content/ and hands to the pages.

export interface Reference {
	title: string;
	url: string;
}

export interface QuizQuestion {
	id: string;
	question: string;
	choices: string[];
	answer: number;
	explanation: string;
}

export interface LabLink {
	id: string;
	title: string;
	/** False until labs/<id>/lab.yaml exists; the lesson then announces it as coming soon. */
	available: boolean;
}

export interface LessonSummary {
	slug: string;
	title: string;
	summary: string;
	module: string;
	order: number;
	updated: string;
}

export interface Lesson extends LessonSummary {
	references: Reference[];
	labs: LabLink[];
	quiz: QuizQuestion[];
}

export interface CourseModule {
	id: string;
	title: string;
	summary: string;
	lessons: LessonSummary[];
}

export interface TocEntry {
	depth: number;
	text: string;
	id: string;
}

export interface SearchSection {
	/** Heading anchor; empty for the lesson's introduction. */
	id: string;
	heading: string;
	text: string;
}

export interface SearchDocument {
	slug: string;
	title: string;
	summary: string;
	module: string;
	sections: SearchSection[];
}
