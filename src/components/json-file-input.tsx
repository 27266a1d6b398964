/**
 * A labelled picker for one JSON file this app wrote (backup, settings). The input is cleared after
 * each choice so picking the same file again still fires.
 */
export function JsonFileInput({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  return (
    <label>
      {label}
      <input
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
