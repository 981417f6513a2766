import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { EngineProvider } from '../components/workbench/engine-context';
import './globals.css';

export const metadata: Metadata = {
  title: 'Kappa — stream SQL workbench',
  description: 'Ask questions of your Kafka streams in SQL and watch the answers change live.',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <EngineProvider>{children}</EngineProvider>
      </body>
    </html>
  );
}
