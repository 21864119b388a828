// Public API of the follow-ups (complaint step 6): the sweeper that sends due follow-ups and the answers they get.
export * from './followUpSweeper';
export * from './resolutionCheck';
export * from './followUpAnswers';
