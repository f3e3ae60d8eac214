// StackSets' exceptions with the HTTP status each carries. 404 for the not-found pair is the API
// Reference's (ListStackSetOperationResults' Errors); 409 for OperationInProgressException is a
// real answer's (terraform-provider-aws#11726); the other statuses are (unverified).
import { AwsError } from '../../errors';
import { MESSAGES } from './messages';

export const stackSetNotFound = (name: string) => new AwsError('StackSetNotFoundException', MESSAGES.stackSetNotFound(name), { httpStatus: 404 });
export const operationInProgress = (arn: string) => new AwsError('OperationInProgressException', MESSAGES.operationInProgress(arn), { httpStatus: 409 });
export const stackSetNotEmpty = () => new AwsError('StackSetNotEmptyException', MESSAGES.notEmpty, { httpStatus: 409 });
export const nameAlreadyExists = () => new AwsError('NameAlreadyExistsException', MESSAGES.nameAlreadyExists, { httpStatus: 409 });
export const stackInstanceNotFound = () => new AwsError('StackInstanceNotFoundException', MESSAGES.instanceNotFound, { httpStatus: 404 });
export const operationNotFound = () => new AwsError('OperationNotFoundException', MESSAGES.operationNotFound, { httpStatus: 404 });
export const operationIdAlreadyExists = () => new AwsError('OperationIdAlreadyExistsException', MESSAGES.operationIdAlreadyExists, { httpStatus: 409 });
export const invalidOperation = () => new AwsError('InvalidOperationException', MESSAGES.invalidOperation, { httpStatus: 400 });
