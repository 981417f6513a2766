import { WatchView } from '../../../components/results/watch-view';

export default async function WatchPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return <WatchView runId={decodeURIComponent(runId)} />;
}
