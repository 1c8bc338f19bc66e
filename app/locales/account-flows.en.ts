/** Sign-up, invitations, password reset, members, outbox (English). Merged into en.ts as `accountFlows`. */
const accountFlows = {
  placeholder: "—",
};

export default accountFlows;
