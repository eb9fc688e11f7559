#!/usr/bin/env node
// A file that exists before the build, so package managers can link the bin; the code is in dist.
import '../dist/bin/wireai-mock-openai.js';
