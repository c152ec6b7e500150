// Makes the events subscriber.mjs prints, against the demo data of scripts/start: as
// admin@acme.test, asks for a decision on one of acme's review gates (createApproval: CREATED),
// assigns reviewer@acme.test (ASSIGNED, and a notification to the reviewer), then as the reviewer
// approves it (RESOLVED). No packages needed (Node's fetch).
//
//   node trigger.mjs                 # create, assign, approve
//   node trigger.mjs create          # only create (prints the approval's id)
//   node trigger.mjs approve <id>    # approve an existing pending approval as the reviewer
//   GRAPHQL_URL=http://127.0.0.1:4001/graphql (default)
const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4001/graphql';
const password = process.env.PASSWORD ?? 'leadmetrics-demo-2026';

async function graphql(query, variables = {}, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const login = async (email) =>
  (await graphql('mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
    { e: email, p: password })).login.token;

async function create(admin) {
  const { activities } = await graphql(
    '{ activities(filter: { status: [AWAITING_APPROVAL] }, first: 100) { nodes { id title } } }', {}, admin);
  for (const activity of activities.nodes) {
    try {
      const { createApproval } = await graphql(
        `mutation ($input: CreateApprovalInput!) { createApproval(input: $input) { id title status } }`,
        { input: { activityId: activity.id, type: 'CONTENT_REVIEW', riskLevel: 'MEDIUM', title: activity.title } },
        admin);
      console.log(`created ${createApproval.id} (${createApproval.status}) "${createApproval.title}"`);
      return createApproval.id;
    } catch (error) {
      if (!error.message.includes('CONFLICT')) throw error; // already has a pending approval
    }
  }
  throw new Error('every review gate of acme already has a pending approval: approve one (node trigger.mjs approve <id>)');
}

async function approve(reviewer, id) {
  const { approveApproval } = await graphql(
    'mutation ($id: ID!) { approveApproval(id: $id, notes: "Looks good") { id status } }', { id }, reviewer);
  console.log(`approved ${approveApproval.id} (${approveApproval.status})`);
}

const [step = 'all', id] = process.argv.slice(2);
const admin = await login('admin@acme.test');
const reviewer = await login('reviewer@acme.test');
if (step === 'approve') {
  await approve(reviewer, id);
} else {
  const created = await create(admin);
  if (step === 'all') {
    const me = await graphql('{ me { user { id } } }', {}, reviewer);
    await graphql('mutation ($id: ID!, $r: ID!) { assignApprovalReviewer(id: $id, reviewerId: $r) { id } }',
      { id: created, r: me.me.user.id }, admin);
    console.log(`assigned ${created} to reviewer@acme.test`);
    await approve(reviewer, created);
  }
}
