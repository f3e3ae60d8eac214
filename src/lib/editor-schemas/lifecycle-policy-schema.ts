// JSON schema of an ECR lifecycle policy for the editor's completion, hover and warnings. The
// descriptions are this course's own words (facts from ecr-facts.md §1). The engine's validator
// stays the authority: rules a schema cannot express (unique priorities, the `any` rule last)
// come from it as error markers.
import type { JsonSchema } from './types';

const days = 'Counted in days.';

const selection: JsonSchema = {
	type: 'object',
	description: 'Which images the rule looks at, and the threshold at which it acts on them.',
	additionalProperties: false,
	required: ['tagStatus', 'countType', 'countNumber'],
	properties: {
		tagStatus: {
			description: 'Which images by their tags: `tagged` (images with at least one tag; also give tagPrefixList or tagPatternList), `untagged` (images with no tag), or `any` (every image; such a rule must have the highest rulePriority).',
			enum: ['tagged', 'untagged', 'any'],
			markdownEnumDescriptions: [
				'Images with at least one tag. Needs exactly one of tagPrefixList or tagPatternList.',
				'Images with no tag at all. Only one rule per storage class may select them.',
				'Every image. The rule with this must have the highest rulePriority, so it is applied last.'
			]
		},
		tagPrefixList: {
			type: 'array',
			minItems: 1,
			items: { type: 'string' },
			description: 'Only with tagStatus `tagged`. Tag beginnings such as `prod`: an image is selected when, for every entry, one of its tags starts with it. Not together with tagPatternList.'
		},
		tagPatternList: {
			type: 'array',
			minItems: 1,
			items: { type: 'string', pattern: '^[^*]*(\\*[^*]*){0,4}$', patternErrorMessage: 'A tag pattern can hold at most four * wildcards.' },
			description: 'Only with tagStatus `tagged`. Whole-tag patterns where `*` stands for any run of characters (at most four `*` in one pattern), such as `prod*` or `*-rc*`. Not together with tagPrefixList.'
		},
		storageClass: {
			enum: ['standard', 'archive'],
			description: 'Which storage class the rule looks at: `standard` (the default) or `archive`. `archive` goes with countType `sinceImageTransitioned` only.'
		},
		countType: {
			enum: ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'],
			description: 'What countNumber measures: how many images to keep, or how old an image must be.',
			markdownEnumDescriptions: [
				'Keep the newest countNumber selected images (by push time); the older ones are acted on. No countUnit.',
				`Act on images pushed more than countNumber days ago. ${days} Needs countUnit \`days\`.`,
				`Act on images last pulled (or pushed, if never pulled) more than countNumber days ago. Only with action \`transition\`. Needs countUnit \`days\`.`,
				`Act on archived images that were archived more than countNumber days ago (at least 90). Only with storageClass \`archive\` and action \`expire\`.`
			]
		},
		countUnit: { enum: ['days'], description: 'Only `days`, and only with the since… count types; leave it out with imageCountMoreThan.' },
		countNumber: { type: 'integer', minimum: 1, description: 'A positive whole number: images to keep for imageCountMoreThan, else an age in days.' }
	},
	allOf: [
		{
			if: { properties: { tagStatus: { const: 'tagged' } }, required: ['tagStatus'] },
			then: { oneOf: [{ required: ['tagPrefixList'] }, { required: ['tagPatternList'] }] },
			else: { properties: { tagPrefixList: false, tagPatternList: false } }
		},
		{
			if: { properties: { countType: { const: 'imageCountMoreThan' } }, required: ['countType'] },
			then: { properties: { countUnit: false } },
			else: { required: ['countUnit'] }
		},
		{
			if: { properties: { countType: { const: 'sinceImageTransitioned' } }, required: ['countType'] },
			then: { required: ['storageClass'], properties: { storageClass: { const: 'archive' }, countNumber: { minimum: 90 } } },
			else: { properties: { storageClass: { const: 'standard' } } }
		}
	]
};

const action: JsonSchema = {
	type: 'object',
	description: 'What happens to the selected images.',
	additionalProperties: false,
	required: ['type'],
	properties: {
		type: {
			enum: ['expire', 'transition'],
			description: '`expire` deletes the images; `transition` moves them to the archive storage class (then give targetStorageClass `archive`).',
			markdownEnumDescriptions: ['Delete the selected images.', 'Move the selected images to archive storage.']
		},
		targetStorageClass: { enum: ['archive'], description: 'Only with type `transition`: the class images move to, `archive`.' }
	},
	if: { properties: { type: { const: 'transition' } }, required: ['type'] },
	then: { required: ['targetStorageClass'] },
	else: { properties: { targetStorageClass: false } }
};

export const lifecyclePolicySchema: JsonSchema = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'Amazon ECR lifecycle policy',
	type: 'object',
	additionalProperties: false,
	required: ['rules'],
	properties: {
		rules: {
			type: 'array',
			minItems: 1,
			maxItems: 50,
			description: 'The rules (1 to 50). All are evaluated together, then applied from the lowest rulePriority up; an image is acted on by the first rule that selects it.',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['rulePriority', 'selection', 'action'],
				properties: {
					rulePriority: { type: 'integer', minimum: 1, description: 'Order of application, lowest first. Each rule needs its own number; gaps are fine.' },
					description: { type: 'string', description: 'Your note on what the rule is for.' },
					selection,
					action
				}
			}
		}
	}
};
