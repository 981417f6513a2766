import { TopicView } from '../../../components/topics/topic-view';

export default async function TopicPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <TopicView name={decodeURIComponent(name)} />;
}
