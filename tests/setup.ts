// Loaded by mocha before any test (see .mocharc.json).
// Some dependencies load dotenv on import; keep them quiet and away from a developer's own .env.
process.env.DOTENV_CONFIG_QUIET = 'true';
