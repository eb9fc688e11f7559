import { expect } from 'vitest';

// #region readme

import { createClient } from '@wireai/openai-client';

// Microsoft Entra ID: any async function returning a token, e.g. @azure/identity's getBearerTokenProvider.
const getToken = async () => 'entra-access-token';
const azure = createClient('azure', undefined, {
  endpoint: 'https://my-resource.openai.azure.com', // default: AZURE_OPENAI_ENDPOINT
  deployment: 'gpt-4o-prod', // chat, embeddings, audio, images, batches go to /deployments/gpt-4o-prod/…
  apiVersion: '2024-10-21', // default: OPENAI_API_VERSION
  tokenProvider: getToken, // asked before each attempt, sent as Authorization: Bearer (else AZURE_OPENAI_API_KEY)
});
// #endregion readme

// Checks: the base URL the endpoint gives (nothing is sent: this is not the mock's address).
expect(azure.baseURL).toBe('https://my-resource.openai.azure.com/openai');
