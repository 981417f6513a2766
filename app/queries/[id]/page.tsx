import { QueryDetail } from '../../../components/queries/query-detail';

export default async function QueryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <QueryDetail id={decodeURIComponent(id)} />;
}
