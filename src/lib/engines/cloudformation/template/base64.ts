// Fn::Base64: the standard alphabet with padding, over the UTF-8 bytes of the text.
import { textToBase64 } from '../../base64';

export const base64 = textToBase64;
