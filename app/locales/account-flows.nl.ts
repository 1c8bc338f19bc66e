/** Sign-up, invitations, password reset, members, outbox (Dutch). Merged into nl.ts as `accountFlows`. */
const accountFlows = {
  placeholder: "—",
};

export default accountFlows;
