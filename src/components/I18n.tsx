// The message catalog for the components: the App provides the one for the language in use;
// without a provider (a component rendered on its own) it is English.
import { createContext, useContext, type ReactNode } from 'react';
import { en, type Messages } from '../i18n/index.js';

const MessagesContext = createContext<Messages>(en);

export function I18nProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

export function useMessages(): Messages {
  return useContext(MessagesContext);
}
