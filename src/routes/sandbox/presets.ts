// Lifecycle policies a learner can start from. Each is a real ECR lifecycle policy document
// (the JSON `aws ecr put-lifecycle-policy --lifecycle-policy-text` takes).

export interface LifecyclePreset {
	id: string;
	label: string;
	policy: { rules: object[] };
}

const expire = { type: 'expire' };

export const LIFECYCLE_PRESETS: readonly LifecyclePreset[] = [
	{
		id: 'untagged-1-day',
		label: 'Untagged images: expire after 1 day',
		policy: {
			rules: [
				{
					rulePriority: 1,
					description: 'Expire untagged images older than 1 day',
					selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
					action: expire
				}
			]
		}
	},
	{
		id: 'keep-3',
		label: 'Keep the 3 newest images',
		policy: {
			rules: [
				{
					rulePriority: 1,
					description: 'Keep the 3 most recently pushed images',
					selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 },
					action: expire
				}
			]
		}
	},
	{
		id: 'dev-7-days',
		label: 'Tags dev*: expire after 7 days',
		policy: {
			rules: [
				{
					rulePriority: 1,
					description: 'Expire dev builds after a week',
					selection: { tagStatus: 'tagged', tagPatternList: ['dev*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
					action: expire
				}
			]
		}
	},
	{
		id: 'untagged-then-keep-5',
		label: 'Untagged after 1 day, then keep 5',
		policy: {
			rules: [
				{
					rulePriority: 1,
					description: 'Expire untagged images older than 1 day',
					selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
					action: expire
				},
				{
					rulePriority: 2,
					description: 'Keep the 5 most recent images',
					selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 },
					action: expire
				}
			]
		}
	}
];

export const presetText = (preset: LifecyclePreset): string => JSON.stringify(preset.policy, null, 2);
