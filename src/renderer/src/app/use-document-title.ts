// The window title names what is shown: the open article, else the folder, else Gloss.
import { useEffect } from 'react'

export function useDocumentTitle(articleTitle: string | undefined, folderName: string | undefined): void {
  useEffect(() => {
    document.title = articleTitle ? `${articleTitle} — Gloss` : folderName ? `${folderName} — Gloss` : 'Gloss'
  }, [articleTitle, folderName])
}
