// Which screen is under the transcript: the chat prompt, or a screen that owns the keyboard. Opening
// one hands it the keyboard at once (keys typed before the next render go to the new screen).
import { useCallback, useEffect, useState } from 'react';
import { useSetKeyOwner, type KeyScope } from './keyFocus.js';

export type Screen = KeyScope;

export function useScreen(firstRun: boolean | undefined): [Screen, (next: Screen) => void] {
  const [screen, setScreenState] = useState<Screen>(firstRun ? 'settings' : 'chat');
  const setKeyOwner = useSetKeyOwner();
  const setScreen = useCallback(
    (next: Screen) => {
      setKeyOwner(next);
      setScreenState(next);
    },
    [setKeyOwner],
  );
  useEffect(() => {
    if (firstRun) setKeyOwner('settings');
  }, [firstRun, setKeyOwner]);
  return [screen, setScreen];
}
